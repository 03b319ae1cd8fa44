package kitchen.grader.score;

/** How grading one exercise ended, before looking at single tests. */
public enum ExerciseStatus {
    /** The tests ran to the end; the score is the sum of the passed tests' points. */
    GRADED("graded"),
    /** The student's code (or the tests against it) did not compile. */
    COMPILE_ERROR("compile-error"),
    /** The exercise's JVM did not finish before its hard deadline and was killed. */
    TIMEOUT("timeout"),
    /** The exercise's JVM ended before the tests did (System.exit, a crash, out of memory…). */
    CRASHED("crashed"),
    /**
     * The exercise's code is its stub, unchanged: not run (the stub scores 0, and the kit's self-check
     * proves it), every graded test not-run with 0 points, and one line of feedback instead of all of it.
     */
    NOT_STARTED("not-started"),
    /** The submission has no such exercise folder. */
    MISSING("missing"),
    /** The student's code changed the grader's own files (tests, class path) while it ran: 0 points. */
    TAMPERED("tampered"),
    /** The grading's whole time budget ran out before this exercise could run (see {@code grade --budget}). */
    NOT_RUN("not-run"),
    /**
     * The graded tests are not in this copy of the kit (a student template): only the public tests ran,
     * and they are worth no points, so the exercise's score is 0 of 0, never a grade.
     */
    PRACTICE("practice");

    private final String json;

    ExerciseStatus(String json) {
        this.json = json;
    }

    /** The word used in every report. */
    public String json() {
        return json;
    }
}
