package kitchen.grader.score;

import java.time.Duration;
import java.util.List;

/**
 * One exercise's verdict.
 *
 * @param id       the exercise folder name, e.g. {@code 02-boil-eggs}
 * @param score    points earned; never more than {@code maxScore}
 * @param maxScore the exercise's points; 0 when the graded tests are not in this copy of the kit
 *                 ({@link ExerciseStatus#PRACTICE}), so nothing here can be read as a grade
 * @param message  why the exercise was not graded normally (compile error, deadline, crash); empty if it was
 * @param tests    every test that ran, and every graded test that did not ({@link TestStatus#NOT_RUN})
 * @param output   what the student's code printed, capped
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

    /** The tests worth points (the public tests are worth none: practice checks, never points lost). */
    public List<TestResult> gradedTests() {
        return tests.stream().filter(TestResult::graded).toList();
    }

    public ExerciseResult withTests(List<TestResult> newTests) {
        return new ExerciseResult(id, title, score, maxScore, status, message, newTests, duration, output);
    }

    public ExerciseResult withMessage(String newMessage) {
        return new ExerciseResult(id, title, score, maxScore, status, newMessage, tests, duration, output);
    }

    public ExerciseResult withStatus(ExerciseStatus newStatus) {
        return new ExerciseResult(id, title, score, maxScore, newStatus, message, tests, duration, output);
    }

    /** The same verdict with this score and maximum. */
    public ExerciseResult withScore(int newScore, int newMaxScore) {
        return new ExerciseResult(id, title, newScore, newMaxScore, status, message, tests, duration, output);
    }

    /** What a run that cannot be trusted earns: 0, and every test worth nothing (the tests keep their verdicts). */
    public ExerciseResult zeroed() {
        return new ExerciseResult(id, title, 0, maxScore, status, message,
                tests.stream().map(TestResult::zeroed).toList(), duration, output);
    }
}
