package kitchen.grader.engine;

import java.nio.file.Path;
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

    /** Kept back from a budget: compiling an exercise (outside its JVM's deadline) and writing the reports. */
    static final Duration RESERVE = Duration.ofSeconds(20);
    /** Less than this left of a budget is not worth starting a JVM for: the exercise is not run. */
    static final Duration MINIMUM_RUN = Duration.ofSeconds(10);

    private final Kit kit;
    private final Options options;
    private final KitGuard guard;

    public Grader(Kit kit, Options options) {
        this.kit = kit;
        this.options = options;
        this.guard = KitGuard.of(guarded(kit, options));
    }

    /** What student code must not change: the class path every exercise runs on, and every exercise's tests. */
    private static List<Path> guarded(Kit kit, Options options) {
        List<Path> files = new ArrayList<>(options.kitClasspath());
        for (Exercise e : kit.exercises()) {
            files.addAll(List.of(e.publicTests(), e.hiddenTests(), e.publicTestResources(), e.hiddenTestResources()));
        }
        return files;
    }

    public Grade grade(Submission submission, List<Exercise> exercises, Progress progress) {
        return grade(submission, exercises, progress, CoreLease.NONE);
    }

    /** Grades, taking {@code lease} around each exercise (batch grading with several jobs). */
    public Grade grade(Submission submission, List<Exercise> exercises, Progress progress, CoreLease lease) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<ExerciseResult> results = new ArrayList<>();
        for (Exercise exercise : exercises) {
            ExerciseResult result;
            try (CoreLease.Release held = lease.acquire(exercise)) {
                progress.started(exercise);
                Duration cap = null;
                if (options.budget() != null) {
                    // Kept back from the budget for compiling the next exercise and writing the reports.
                    cap = options.budget().minus(Duration.ofNanos(System.nanoTime() - t0)).minus(RESERVE);
                }
                result = cap != null && cap.compareTo(MINIMUM_RUN) < 0
                        ? ExerciseGrading.outOfBudget(exercise, options.lang(), options.budget())
                        : new ExerciseGrading(kit, exercise, options, guard, cap).grade(submission.sourcesOf(exercise.id()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("grading was interrupted", e);
            }
            results.add(result);
            progress.finished(result);
        }
        return new Grade(submission.label(), results, options.lang(), options.timeScale(), started,
                Duration.ofNanos(System.nanoTime() - t0), options.isolation());
    }
}
