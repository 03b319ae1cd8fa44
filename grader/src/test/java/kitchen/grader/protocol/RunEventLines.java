package kitchen.grader.protocol;

/** Sealed result lines as the forked runner writes them, for tests of what reads them. */
public final class RunEventLines {

    private static final String TEST_CLASS = "toast.ToasterGradingTest";
    private final ResultSeal seal;

    public RunEventLines(ResultSeal seal) {
        this.seal = seal;
    }

    public String started(String method) {
        return started(method, 0);
    }

    public String started(String method, int points) {
        return seal.seal(RunEvent.started(TEST_CLASS, method, method, points).json());
    }

    public String finished(String method, boolean passed, int points) {
        return seal.seal(RunEvent.finished(TEST_CLASS, method, method,
                passed ? RunEvent.Verdict.PASSED : RunEvent.Verdict.FAILED, points, passed ? "" : "wrong", 5).json());
    }

    public String deadline(String message, boolean deadlock) {
        return seal.seal(RunEvent.deadline(message, deadlock).json());
    }

    public String done() {
        return seal.seal(RunEvent.done().json());
    }
}
