package kitchen.grader.score;

/** How one test ended. */
public enum TestStatus {
    PASSED("passed"),
    /** An assertion failed: the code ran and did the wrong thing. */
    FAILED("failed"),
    /** The test could not judge: an unexpected exception, a timeout, or the JVM ended under it. */
    ERROR("error"),
    /** A graded test that never ran: the code did not compile, or its JVM ended or was stopped before it. */
    NOT_RUN("not-run");

    private final String json;

    TestStatus(String json) {
        this.json = json;
    }

    /** The word used in every report. */
    public String json() {
        return json;
    }
}
