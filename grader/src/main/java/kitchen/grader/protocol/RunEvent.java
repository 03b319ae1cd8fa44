package kitchen.grader.protocol;

import java.util.List;

/**
 * One line of the results file a forked runner writes as tests run (JSON Lines), so that what finished
 * before a crash or a kill is still known. The grader reads these lines back with {@link #parse}, and
 * decides on the enums and fields alone, never on the words of a message.
 *
 * @param kind     what happened
 * @param verdict  for {@link Kind#FINISHED}: how the test ended; otherwise {@link Verdict#NONE}
 * @param message  the failure text, or for {@link Kind#DEADLINE} what was running and any deadlock found
 * @param deadlock for {@link Kind#DEADLINE}: the watchdog found threads waiting for each other in a cycle
 * @param pictures for a test that did not pass: the timelines and cycles its message shows, as data
 */
public record RunEvent(
        Kind kind,
        String className,
        String methodName,
        String name,
        Verdict verdict,
        int points,
        String message,
        long durationMs,
        boolean deadlock,
        List<Picture> pictures) {

    public RunEvent {
        pictures = pictures == null ? List.of() : List.copyOf(pictures);
    }

    public enum Kind {
        /** A test started. */
        STARTED,
        /** A test finished, with a verdict. */
        FINISHED,
        /** The runner's own watchdog fired just before the grader's deadline. */
        DEADLINE,
        /** Every test ran and the runner is ending on its own. */
        DONE
    }

    public enum Verdict {
        PASSED,
        /** An assertion failed: the code did the wrong thing. */
        FAILED,
        /** Anything else was thrown, or the test could not run. */
        ERROR,
        NONE
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** @param points the test's {@code @Points}: a test the JVM ends under still counts in the exercise's maximum */
    public static RunEvent started(String className, String methodName, String name, int points) {
        return new RunEvent(Kind.STARTED, className, methodName, name, Verdict.NONE, points, "", 0, false, null);
    }

    public static RunEvent finished(String className, String methodName, String name, Verdict verdict, int points,
            String message, long durationMs) {
        return finished(className, methodName, name, verdict, points, message, durationMs, null);
    }

    public static RunEvent finished(String className, String methodName, String name, Verdict verdict, int points,
            String message, long durationMs, List<Picture> pictures) {
        return new RunEvent(Kind.FINISHED, className, methodName, name, verdict, points, message, durationMs, false,
                pictures);
    }

    public static RunEvent deadline(String message, boolean deadlock) {
        return new RunEvent(Kind.DEADLINE, "", "", "", Verdict.NONE, 0, message, 0, deadlock, null);
    }

    public static RunEvent done() {
        return new RunEvent(Kind.DONE, "", "", "", Verdict.NONE, 0, "", 0, false, null);
    }

    /** The line the runner writes (before sealing). */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An opened (unsealed) line, or null for a torn last line or garbage. */
    public static RunEvent parse(String json) {
        try {
            RunEvent e = JSON.readValue(json, RunEvent.class);
            return e.kind() == null ? null : e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
