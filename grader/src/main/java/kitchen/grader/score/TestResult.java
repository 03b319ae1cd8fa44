package kitchen.grader.score;

import java.time.Duration;

/**
 * One test's verdict.
 *
 * @param name       the test's display name, a sentence ("all eggs are on the stove at the same time")
 * @param className  the test class's fully qualified name
 * @param methodName the test method
 * @param message    what the student should read when it did not pass; empty when it passed
 */
public record TestResult(
        String name,
        String className,
        String methodName,
        TestStatus status,
        int points,
        int maxPoints,
        String message,
        Duration duration) {

    public boolean passed() {
        return status == TestStatus.PASSED;
    }

    /** A stable id: {@code SimpleClassName.method}. */
    public String id() {
        int dot = className.lastIndexOf('.');
        return className.substring(dot + 1) + "." + methodName;
    }
}
