package kitchen.results;

import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a method of the code under test takes a lock or hands over to code the replay does not watch, for
 * {@link SlowMotion} to pause there too: before each {@code monitorenter} (a {@code synchronized} block) and
 * before each call (a {@code Lock.lock()}, an {@code AtomicInteger.incrementAndGet()}, a synchronized
 * list's {@code add}…). Field reads and writes alone leave a gap: between the end of one critical section
 * and the start of the next there is none, so a pause there was never tried.
 *
 * <p>Reads the method's bytecode and its class's constant pool through the debugger; no class-file library.
 */
final class Boundaries {

    /** One place to pause: a bytecode index, what happens there, and the call's target if it is a call. */
    record Boundary(long index, boolean lock, String owner, String name, String descriptor) {

        /** As the story names it, e.g. {@code AtomicInteger.incrementAndGet()} or {@code synchronized (OrderBoard.java:31)}. */
        String label(String file, int line) {
            if (lock) {
                return "synchronized (" + file + (line > 0 ? ":" + line : "") + ")";
            }
            return owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.') + "." + name + "()";
        }

        /** The target's class as the debugger names it ({@code java.util.List}). */
        String ownerName() {
            return owner.replace('/', '.');
        }
    }

    private static final int MONITORENTER = 0xc2;
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
     * Every {@code monitorenter} and every method call ({@code invokedynamic} aside: it makes lambdas and
     * strings, it takes no lock) in {@code method}, in bytecode order.
     */
    static List<Boundary> of(Method method, Pool pool) {
        byte[] code = method.bytecodes();
        List<Boundary> found = new ArrayList<>();
        int at = 0;
        while (at < code.length) {
            int op = code[at] & 0xff;
            if (op == MONITORENTER) {
                found.add(new Boundary(at, true, null, null, null));
            } else if (op >= INVOKEVIRTUAL && op <= INVOKEINTERFACE) {
                String[] target = pool.methodRef(u2(code, at + 1));
                if (target != null) {
                    found.add(new Boundary(at, false, target[0], target[1], target[2]));
                }
            }
            at += length(code, at);
        }
        return found;
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
            if (index <= 0 || index >= tags.length || (tags[index] != 10 && tags[index] != 11)) {
                return null;
            }
            int[] ref = (int[]) values[index];
            int[] nameAndType = (int[]) values[ref[1]];
            String owner = (String) values[((int[]) values[ref[0]])[0]];
            return new String[] {owner, (String) values[nameAndType[0]], (String) values[nameAndType[1]]};
        }
    }
}
