package kitchen.grader.score;

import java.time.Duration;
import java.util.List;
import kitchen.grader.protocol.Picture;

/**
 * One test's verdict.
 *
 * @param name       the test's display name, a sentence ("all eggs are on the stove at the same time")
 * @param className  the test class's fully qualified name
 * @param methodName the test method
 * @param points     points earned: {@code maxPoints} when it passed in a run the grader trusts, else 0
 * @param maxPoints  its {@code @Points}; 0 for a public test or a rule line
 * @param message    what the student should read when it did not pass; empty when it passed
 * @param pictures   the timelines and deadlock cycles the message shows, as data for reports that draw
 */
public record TestResult(
        String name,
        String className,
        String methodName,
        TestStatus status,
        int points,
        int maxPoints,
        String message,
        Duration duration,
        List<Picture> pictures) {

    public TestResult {
        pictures = pictures == null ? List.of() : List.copyOf(pictures);
    }

    public TestResult(String name, String className, String methodName, TestStatus status, int points, int maxPoints,
            String message, Duration duration) {
        this(name, className, methodName, status, points, maxPoints, message, duration, List.of());
    }

    public boolean passed() {
        return status == TestStatus.PASSED;
    }

    /** Worth points: a graded test (public tests and rule lines are not). */
    public boolean graded() {
        return maxPoints > 0;
    }

    /** Earned its points: what GitHub Classroom counts as a passed test. */
    public boolean earned() {
        return passed() && points == maxPoints;
    }

    /** A stable id: {@code SimpleClassName.method}. */
    public String id() {
        int dot = className.lastIndexOf('.');
        return className.substring(dot + 1) + "." + methodName;
    }

    /** The same verdict under another name (the test's name in the feedback's language). */
    public TestResult withName(String other) {
        return new TestResult(other, className, methodName, status, points, maxPoints, message, duration, pictures);
    }

    /** The same verdict, worth nothing. */
    public TestResult zeroed() {
        return new TestResult(name, className, methodName, status, 0, maxPoints, message, duration, pictures);
    }
}
