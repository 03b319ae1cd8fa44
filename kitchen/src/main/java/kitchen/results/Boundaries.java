package kitchen.results;

import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a method of the code under test takes a lock, hands over to code the replay does not watch, or writes
 * into an array, for {@link SlowMotion} to pause there too: before each {@code monitorenter} (a
 * {@code synchronized} block), before each call (a {@code Lock.lock()}, an
 * {@code AtomicInteger.incrementAndGet()}, a synchronized list's {@code add}…) and before each store into an
 * array element ({@code slots[i] = dish}). Field reads and writes alone leave a gap: between the end of one
 * critical section and the start of the next there is none, and between claiming a slot
 * ({@code next.getAndIncrement()}) and filling it ({@code slots[slot] = dish}) there is none either, so a pause
 * there was never tried.
 *
 * <p>Stores into an array the method made itself and that nothing else can see yet (a snapshot filling its
 * own copy) are left out: a pause there changes nothing another thread sees, and pausing before each of them
 * only multiplied the takes. A method's arrays count as its own when it gets no array from anywhere else: it
 * reads no array-typed field, takes no array parameter, calls nothing that returns an array, and casts nothing
 * to an array type. Loads from arrays are not points: a pause before one is a pause between the point before
 * it and the load, and no board we know of goes wrong only there.
 *
 * <p>Reads the method's bytecode and its class's constant pool through the debugger; no class-file library.
 */
final class Boundaries {

    /** What happens at a place to pause. */
    enum Kind {
        LOCK, CALL, STORE
    }

    /** One place to pause: a bytecode index, what happens there, and the call's target if it is a call. */
    record Boundary(long index, Kind kind, String owner, String name, String descriptor) {

        boolean lock() {
            return kind == Kind.LOCK;
        }

        boolean store() {
            return kind == Kind.STORE;
        }

        /**
         * As the story names it, e.g. {@code AtomicInteger.incrementAndGet()}, {@code synchronized
         * (OrderBoard.java:31)} or {@code array[…] (OrderBoard.java:20)}.
         */
        String label(String file, int line) {
            String where = " (" + file + (line > 0 ? ":" + line : "") + ")";
            return switch (kind) {
                case LOCK -> "synchronized" + where;
                case STORE -> "array[…]" + where;
                case CALL -> owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.') + "." + name + "()";
            };
        }

        /** The target's class as the debugger names it ({@code java.util.List}). */
        String ownerName() {
            return owner.replace('/', '.');
        }
    }

    private static final int MONITORENTER = 0xc2;
    private static final int IASTORE = 0x4f;
    private static final int SASTORE = 0x56;
    private static final int GETSTATIC = 0xb2;
    private static final int GETFIELD = 0xb4;
    private static final int INVOKEDYNAMIC = 0xba;
    private static final int CHECKCAST = 0xc0;
    private static final int INVOKEVIRTUAL = 0xb6;
    private static final int INVOKESPECIAL = 0xb7;
    private static final int INVOKESTATIC = 0xb8;
    private static final int INVOKEINTERFACE = 0xb9;
    private static final int TABLESWITCH = 0xaa;
    private static final int LOOKUPSWITCH = 0xab;
    private static final int WIDE = 0xc4;
    private static final int IINC = 0x84;

    /** Length of each fixed-size instruction, opcode included (0: variable or unused). */
    private static final int[] LENGTH = new int[256];

    static {
        java.util.Arrays.fill(LENGTH, 0, 0xca, 1);
        for (int op : new int[] {0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9, 0xbc}) {
            LENGTH[op] = 2;
        }
        for (int op = 0x99; op <= 0xa8; op++) {
            LENGTH[op] = 3; // if<cond>, if_icmp<cond>, if_acmp<cond>, goto, jsr
        }
        for (int op : new int[] {0x11, 0x13, 0x14, IINC, 0xb2, 0xb3, 0xb4, 0xb5, INVOKEVIRTUAL, INVOKESPECIAL,
                INVOKESTATIC, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7}) {
            LENGTH[op] = 3;
        }
        LENGTH[0xc5] = 4; // multianewarray
        for (int op : new int[] {INVOKEINTERFACE, 0xba, 0xc8, 0xc9}) {
            LENGTH[op] = 5; // invokeinterface, invokedynamic, goto_w, jsr_w
        }
        LENGTH[TABLESWITCH] = LENGTH[LOOKUPSWITCH] = LENGTH[WIDE] = 0;
    }

    private Boundaries() {
    }

    /**
     * Every {@code monitorenter}, every method call ({@code invokedynamic} aside: it makes lambdas and
     * strings, it takes no lock) and every store into an array the method may share (see above) in
     * {@code method}, in bytecode order.
     */
    static List<Boundary> of(Method method, Pool pool) {
        byte[] code = method.bytecodes();
        List<Boundary> found = new ArrayList<>();
        List<Boundary> stores = new ArrayList<>();
        boolean foreignArrays = method.signature().substring(0, method.signature().indexOf(')')).contains("[");
        int at = 0;
        while (at < code.length) {
            int op = code[at] & 0xff;
            if (op == MONITORENTER) {
                found.add(new Boundary(at, Kind.LOCK, null, null, null));
            } else if (op >= IASTORE && op <= SASTORE) {
                stores.add(new Boundary(at, Kind.STORE, null, null, null));
            } else if (op >= INVOKEVIRTUAL && op <= INVOKEINTERFACE) {
                String[] target = pool.methodRef(u2(code, at + 1));
                if (target != null) {
                    found.add(new Boundary(at, Kind.CALL, target[0], target[1], target[2]));
                    foreignArrays |= returnsArray(target[2]);
                } else {
                    foreignArrays = true; // a call the pool cannot name: it may hand over an array
                }
            } else if (op == GETFIELD || op == GETSTATIC) {
                String[] field = pool.fieldRef(u2(code, at + 1));
                foreignArrays |= field == null || field[2].startsWith("[");
            } else if (op == INVOKEDYNAMIC) {
                String descriptor = pool.dynamicDescriptor(u2(code, at + 1));
                foreignArrays |= descriptor == null || returnsArray(descriptor);
            } else if (op == CHECKCAST) {
                String type = pool.className(u2(code, at + 1));
                foreignArrays |= type == null || type.startsWith("[");
            }
            at += length(code, at);
        }
        if (foreignArrays && !stores.isEmpty()) {
            found.addAll(stores);
            found.sort(java.util.Comparator.comparingLong(Boundary::index));
        }
        return found;
    }

    private static boolean returnsArray(String descriptor) {
        return descriptor.substring(descriptor.indexOf(')') + 1).startsWith("[");
    }

    private static int length(byte[] code, int at) {
        int op = code[at] & 0xff;
        if (op == WIDE) {
            return (code[at + 1] & 0xff) == IINC ? 6 : 4;
        }
        if (op == TABLESWITCH || op == LOOKUPSWITCH) {
            int pad = 3 - (at % 4);
            int table = at + 1 + pad + 4;
            if (op == TABLESWITCH) {
                int low = s4(code, table);
                int high = s4(code, table + 4);
                return 1 + pad + 12 + 4 * (high - low + 1);
            }
            return 1 + pad + 8 + 8 * s4(code, table);
        }
        if (LENGTH[op] == 0) {
            throw new IllegalStateException("unknown opcode " + op + " at " + at);
        }
        return LENGTH[op];
    }

    private static int u2(byte[] code, int at) {
        return ((code[at] & 0xff) << 8) | (code[at + 1] & 0xff);
    }

    private static int s4(byte[] code, int at) {
        return (code[at] << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8) | (code[at + 3] & 0xff);
    }

    /** A class's constant pool, as the debugger hands it over (the class file's own format). */
    static final class Pool {
        private final int[] tags;
        private final Object[] values;

        Pool(ReferenceType type) {
            int count = type.constantPoolCount();
            tags = new int[count];
            values = new Object[count];
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(type.constantPool()))) {
                for (int i = 1; i < count; i++) {
                    int tag = in.readUnsignedByte();
                    tags[i] = tag;
                    switch (tag) {
                        case 1 -> values[i] = in.readUTF();
                        case 3, 4 -> in.readInt();
                        case 5, 6 -> {
                            in.readLong();
                            i++; // a long or a double takes two slots
                        }
                        case 7, 8, 16, 19, 20 -> values[i] = new int[] {in.readUnsignedShort()};
                        case 9, 10, 11, 12, 17, 18 -> values[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                        case 15 -> {
                            in.readUnsignedByte();
                            in.readUnsignedShort();
                        }
                        default -> throw new IllegalStateException("unknown constant pool tag " + tag + " at " + i);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the constant pool of " + type.name() + " is cut short", e);
            }
        }

        /** {owner (internal name), name, descriptor} of the method reference at {@code index}, or null. */
        String[] methodRef(int index) {
            return memberRef(index, 10, 11);
        }

        /** {owner (internal name), name, descriptor} of the field reference at {@code index}, or null. */
        String[] fieldRef(int index) {
            return memberRef(index, 9, 9);
        }

        /** The descriptor of the invokedynamic call site at {@code index}, or null. */
        String dynamicDescriptor(int index) {
            if (index <= 0 || index >= tags.length || tags[index] != 18) {
                return null;
            }
            int[] nameAndType = (int[]) values[((int[]) values[index])[1]];
            return (String) values[nameAndType[1]];
        }

        /** The internal name of the class at {@code index} ({@code [Lkitchen/results/Dish;} for an array), or null. */
        String className(int index) {
            if (index <= 0 || index >= tags.length || tags[index] != 7) {
                return null;
            }
            return (String) values[((int[]) values[index])[0]];
        }

        private String[] memberRef(int index, int tag, int otherTag) {
            if (index <= 0 || index >= tags.length || (tags[index] != tag && tags[index] != otherTag)) {
                return null;
            }
            int[] ref = (int[]) values[index];
            int[] nameAndType = (int[]) values[ref[1]];
            String owner = (String) values[((int[]) values[ref[0]])[0]];
            return new String[] {owner, (String) values[nameAndType[0]], (String) values[nameAndType[1]]};
        }
    }
}
