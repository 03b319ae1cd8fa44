package kitchen.grader.score;

import java.time.Duration;
import java.util.List;

/**
 * One exercise's verdict.
 *
 * @param id      the exercise folder name, e.g. {@code 02-boil-eggs}
 * @param message why the exercise was not graded normally (compile error, deadline, crash); empty if it was
 * @param output  what the student's code printed, capped
 */
public record ExerciseResult(
        String id,
        String title,
        int score,
        int maxScore,
        ExerciseStatus status,
        String message,
        List<TestResult> tests,
        Duration duration,
        String output) {

    public ExerciseResult {
        tests = List.copyOf(tests);
    }

    public List<TestResult> failedTests() {
        return tests.stream().filter(t -> !t.passed()).toList();
    }
}
