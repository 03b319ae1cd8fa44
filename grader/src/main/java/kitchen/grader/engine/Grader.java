package kitchen.grader.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.Submission;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.Grade;

/**
 * Grades a submission: each exercise compiled and run on its own (see {@link ExerciseGrading}), one
 * after another, so a timing-sensitive exercise never shares the cores with another one.
 */
public final class Grader {

    private final Kit kit;
    private final Options options;

    public Grader(Kit kit, Options options) {
        this.kit = kit;
        this.options = options;
    }

    public Grade grade(Submission submission, List<Exercise> exercises, Progress progress) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<ExerciseResult> results = new ArrayList<>();
        for (Exercise exercise : exercises) {
            progress.started(exercise);
            ExerciseResult result = new ExerciseGrading(kit, exercise, options).grade(submission.sourcesOf(exercise.id()));
            results.add(result);
            progress.finished(result);
        }
        return new Grade(submission.label(), results, options.lang(), options.timeScale(), started,
                Duration.ofNanos(System.nanoTime() - t0));
    }
}
