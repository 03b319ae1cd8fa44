package kitchen.grader.cli;

import java.io.PrintStream;
import java.time.Duration;
import kitchen.grader.batch.BatchGrading;

/**
 * The console of a long batch: one line when a student starts (with why an earlier row is not kept), one
 * when the student is done (total, status, how many are done, the rate and the time left). Plain lines, so
 * a terminal, a log file and a CI log all read the same; each line is written whole, so two jobs never
 * interleave inside one.
 */
final class ProgressLines implements BatchGrading.Listener {

    private final PrintStream console;
    private final int total;
    private final long t0 = System.nanoTime();
    private int done;

    ProgressLines(PrintStream console, int total) {
        this.console = console;
        this.total = total;
    }

    @Override
    public synchronized void started(String student, String why) {
        console.println("  " + student + ": grading" + (why.isEmpty() ? "" : " (" + why + ")") + " …");
    }

    @Override
    public synchronized void finished(String student, String score, String status) {
        done++;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        double perStudent = elapsed.toMillis() / 1000.0 / done;
        long left = Math.round(perStudent * Math.max(0, total - done));
        console.printf("  %s: %s %s   [%d/%d · %.0f s per student · about %s left]%n", student, score, status, done,
                total, perStudent, clock(left));
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
}
