package kitchen.grader;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that an old {@code java} prints one line saying what to
 * install instead of an UnsupportedClassVersionError. On Java 21+ it hands over to {@code Main}.
 */
public final class Launcher {

    private static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version", "0");
        int major = Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version.split("\\.")[0]);
        if (major < REQUIRED) {
            System.err.println("The Concurrency Kitchen grader needs Java " + REQUIRED + " or newer, but this is Java "
                    + version + ": install a JDK 21+ (e.g. Temurin 25) and run the grader with its java.");
            System.exit(1);
        }
        try {
            Class.forName("kitchen.grader.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
