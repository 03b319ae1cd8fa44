package kitchen.grading;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graded tests' classes, handed to the JVM that runs them over a pipe instead of from disk: the
 * grader sends them on the test JVM's standard input and this class defines them there, in the class
 * loader of the code under test. No file holds them where that code runs, and the class loader does not
 * serve them as resources ({@code getResource("…Test.class")} finds nothing).
 *
 * <p>Each test class is defined with a {@link MethodHandles.Lookup} of a class of the code under test in
 * the same package (its <em>anchor</em>), so it lands in the same loader and runtime package as that code:
 * package-private members stay reachable from the tests, as they are when both come from one class path.
 * A package without an anchor gets a small loader of its own.
 *
 * <p>The bytes are kept only so that a JVM the tests start (a slow-motion replay's) can be sent them in
 * turn; code running in the same JVM could reach them by deep reflection, as it could reach the loaded
 * classes themselves. What this defends against is the test files being read from disk or from the class
 * path, by the code under test or by any process it starts.
 */
public final class TestClasses {

    /** Set on a JVM that reads its test classes from standard input (see {@link #receiveIfShipped()}). */
    public static final String PROPERTY = "kitchen.test-classes";
    private static final String FROM_STDIN = "stdin";
    private static final int MAGIC = 0x4B495443; // "KITC"

    private static volatile Shipment received;

    /**
     * The classes of one shipment, by binary name, and one class of the code under test per package. The
     * order is kept: nested classes before the class that holds them is the order that needs no retry.
     */
    public record Shipment(Map<String, byte[]> classes, Map<String, String> anchors) {
        public Shipment {
            classes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
            anchors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(anchors));
        }
    }

    private TestClasses() {
    }

    /** Writes a shipment; the receiving side reads exactly this much and no more. */
    public static void write(Shipment shipment, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(shipment.classes().size());
        for (Map.Entry<String, byte[]> c : shipment.classes().entrySet()) {
            data.writeUTF(c.getKey());
            data.writeInt(c.getValue().length);
            data.write(c.getValue());
        }
        data.writeInt(shipment.anchors().size());
        for (Map.Entry<String, String> a : shipment.anchors().entrySet()) {
            data.writeUTF(a.getKey());
            data.writeUTF(a.getValue());
        }
        data.flush();
    }

    /** Reads one shipment written by {@link #write}. */
    public static Shipment read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a shipment of test classes");
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int n = data.readInt(); n > 0; n--) {
            String name = data.readUTF();
            byte[] bytes = new byte[data.readInt()];
            data.readFully(bytes);
            classes.put(name, bytes);
        }
        Map<String, String> anchors = new LinkedHashMap<>();
        for (int n = data.readInt(); n > 0; n--) {
            anchors.put(data.readUTF(), data.readUTF());
        }
        return new Shipment(classes, anchors);
    }

    /**
     * Defines every class of the shipment in {@code loader}'s world and remembers the shipment for
     * {@link #relay}. Supertypes are defined before the classes that extend them, whatever the order.
     *
     * @return the classes defined, in the shipment's order
     */
    public static List<Class<?>> define(Shipment shipment, ClassLoader loader) {
        received = shipment;
        Map<String, Class<?>> defined = new LinkedHashMap<>();
        Map<String, ShipmentLoader> orphans = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(shipment.classes().keySet());
        boolean retry = false;
        while (!pending.isEmpty()) {
            List<String> waiting = new ArrayList<>();
            LinkageError last = null;
            for (String name : pending) {
                try {
                    Class<?> already = retry ? alreadyDefined(name, shipment, loader, orphans) : null;
                    defined.put(name, already != null ? already : defineOne(name, shipment, loader, orphans));
                } catch (NoClassDefFoundError e) {
                    // A class it needs (a supertype, or one its verification checks against) is not defined
                    // yet: try again in the next round. Verification may have failed after the class itself
                    // was defined; the next round finds it defined, and the JVM links it when it is first used.
                    waiting.add(name);
                    last = e;
                }
            }
            if (waiting.size() == pending.size()) {
                throw new IllegalStateException("test classes that cannot be defined: " + waiting, last);
            }
            pending = waiting;
            retry = true;
        }
        List<Class<?>> inOrder = new ArrayList<>();
        shipment.classes().keySet().forEach(n -> inOrder.add(defined.get(n)));
        return inOrder;
    }

    /** The class if an earlier round defined it already (no test class is on the class path to load). */
    private static Class<?> alreadyDefined(String name, Shipment shipment, ClassLoader loader,
            Map<String, ShipmentLoader> orphans) {
        String pkg = packageOf(name);
        ClassLoader home = shipment.anchors().containsKey(pkg) ? loader : orphans.get(pkg);
        if (home == null) {
            return null;
        }
        try {
            return Class.forName(name, false, home);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static Class<?> defineOne(String name, Shipment shipment, ClassLoader loader,
            Map<String, ShipmentLoader> orphans) {
        String pkg = packageOf(name);
        byte[] bytes = shipment.classes().get(name);
        String anchor = shipment.anchors().get(pkg);
        if (anchor == null) {
            return orphans.computeIfAbsent(pkg, p -> new ShipmentLoader(shipment, loader)).loadClass0(name);
        }
        try {
            Class<?> host = Class.forName(anchor, false, loader);
            return MethodHandles.privateLookupIn(host, MethodHandles.lookup()).defineClass(bytes);
        } catch (ClassNotFoundException | IllegalAccessException e) {
            throw new IllegalStateException("cannot define " + name + " beside " + anchor, e);
        }
    }

    /** Defines the classes of a package that has none of the code under test, on demand. */
    private static final class ShipmentLoader extends ClassLoader {
        private final Shipment shipment;

        ShipmentLoader(Shipment shipment, ClassLoader parent) {
            super("kitchen-tests", parent);
            this.shipment = shipment;
        }

        Class<?> loadClass0(String name) {
            try {
                return loadClass(name);
            } catch (ClassNotFoundException e) {
                throw new NoClassDefFoundError(name);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = shipment.classes().get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /**
     * On a JVM started with {@code -Dkitchen.test-classes=stdin}: reads the shipment from standard input
     * and defines it with the system class loader. Does nothing on any other JVM.
     */
    public static void receiveIfShipped() throws IOException {
        if (FROM_STDIN.equals(System.getProperty(PROPERTY))) {
            define(read(System.in), ClassLoader.getSystemClassLoader());
            System.setIn(InputStream.nullInputStream());
        }
    }

    /** True when this JVM's tests came in a shipment, which a JVM they start must then be sent too. */
    public static boolean shipped() {
        return received != null;
    }

    /** The JVM option that makes a new JVM read a shipment from its standard input. */
    public static String receivingOption() {
        return "-D" + PROPERTY + "=" + FROM_STDIN;
    }

    /** Sends this JVM's shipment on, to a JVM started with {@link #receivingOption()}. */
    public static void relay(OutputStream out) throws IOException {
        Shipment shipment = received;
        if (shipment == null) {
            throw new IllegalStateException("this JVM received no test classes");
        }
        write(shipment, out);
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
