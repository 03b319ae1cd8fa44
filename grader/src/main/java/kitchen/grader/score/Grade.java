package kitchen.grader.score;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kitchen.grader.sandbox.Isolation;
import kitchen.grading.Lang;

/**
 * A whole grading run: every exercise graded, in catalog order.
 *
 * @param submission what was graded (a folder, or "solutions")
 * @param timeScale  the factor the timing margins were stretched by on this machine
 * @param isolation  how far the student's code was kept from everything else while it ran
 */
public record Grade(
        String submission,
        List<ExerciseResult> exercises,
        Lang lang,
        double timeScale,
        Instant started,
        Duration duration,
        Isolation isolation) {

    public Grade {
        exercises = List.copyOf(exercises);
    }

    public int score() {
        return exercises.stream().mapToInt(ExerciseResult::score).sum();
    }

    public int maxScore() {
        return exercises.stream().mapToInt(ExerciseResult::maxScore).sum();
    }
}
