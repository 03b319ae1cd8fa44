package kitchen.grader;

import java.io.PrintStream;
import kitchen.grader.cli.KitchenCommand;

/**
 * {@code java -jar grader.jar grade|release|batch …}. Everything happens in {@link #run}, so tests can
 * call it in-process; only {@code main} exits the JVM.
 */
public final class Main {

    /** Grading ran, whatever the score. */
    public static final int OK = 0;
    /** The grader itself failed (not the submission). */
    public static final int GRADER_FAILED = 1;
    /** Bad arguments: usage was printed. */
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return KitchenCommand.execute(out, err, args);
    }
}
