package kitchen.grader.run;

/**
 * One line of the results file a forked runner writes as tests run (JSON Lines), so that what finished
 * before a crash or a kill is still known.
 *
 * @param event   "started", "finished", "deadline" (the runner's own watchdog fired) or "done"
 * @param status  for "finished": passed, failed or error
 * @param message the failure text, or for "deadline" what was running and any deadlock found
 */
public record RunEvent(
        String event,
        String className,
        String methodName,
        String name,
        String status,
        int points,
        String message,
        long durationMs) {

    static RunEvent started(String className, String methodName, String name) {
        return new RunEvent("started", className, methodName, name, "", 0, "", 0);
    }

    static RunEvent deadline(String message) {
        return new RunEvent("deadline", "", "", "", "", 0, message, 0);
    }

    static RunEvent done() {
        return new RunEvent("done", "", "", "", "", 0, "", 0);
    }
}
