package kitchen.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import kitchen.grader.engine.CoreLease;
import kitchen.grader.engine.Grader;
import kitchen.grader.engine.Options;
import kitchen.grader.engine.Progress;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.Submission;
import kitchen.grader.report.MarkdownReport;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;

/**
 * Grades every student clone under a folder into {@code gradebook.csv} and {@code feedback/<student>.md}.
 * One broken clone gives one row with a status; nothing stops the batch. With several jobs, exercises
 * that judge timing or cores still run alone (see {@link CoreLease#sharedUnlessSensitive()}), so the
 * verdicts are those of grading one student at a time.
 */
public final class BatchGrading {

    /** Told as students are graded, for the progress bar. */
    public interface Listener {
        void started(String student);

        void finished(String student, String status);
    }

    /** What a batch did. */
    public record Summary(int students, int graded, int skipped) {
    }

    private final Kit kit;
    private final Options options;

    public BatchGrading(Kit kit, Options options) {
        this.kit = kit;
        this.options = options;
    }

    /** The student folders under {@code submissions}: every non-hidden subfolder, by name. */
    public static List<Path> students(Path submissions) throws IOException {
        try (Stream<Path> children = Files.list(submissions)) {
            return children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    public Summary run(Path submissions, Path out, int jobs, boolean force, Listener listener)
            throws IOException, InterruptedException {
        List<Exercise> exercises = kit.exercises();
        List<Path> students = students(submissions);
        Files.createDirectories(out.resolve("feedback"));
        Tampering tampering = new Tampering(kit);
        CoreLease lease = jobs > 1 ? CoreLease.sharedUnlessSensitive() : CoreLease.NONE;
        int skipped = 0;
        try (Gradebook book = new Gradebook(out.resolve("gradebook.csv"), exercises.stream().map(Exercise::id).toList(),
                force);
                ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs))) {
            List<Future<?>> pending = new ArrayList<>();
            for (Path student : students) {
                String name = student.getFileName().toString();
                if (book.has(name)) {
                    skipped++;
                    continue;
                }
                pending.add(pool.submit(() -> {
                    listener.started(name);
                    List<String> row = gradeOne(student, exercises, tampering, lease, out);
                    book.append(row);
                    listener.finished(name, row.get(exercises.size() + 3));
                    return null;
                }));
            }
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("batch grading failed: " + e.getCause(), e.getCause());
                }
            }
        }
        return new Summary(students.size(), students.size() - skipped, skipped);
    }

    private List<String> gradeOne(Path clone, List<Exercise> exercises, Tampering tampering, CoreLease lease, Path out)
            throws IOException {
        String name = clone.getFileName().toString();
        List<String> notes = new ArrayList<>();
        if (!Files.isDirectory(clone.resolve("exercises"))) {
            notes.add("no exercises/ folder");
        }
        Grade grade = new Grader(kit, options).grade(Submission.folder(clone, name), exercises, Progress.NONE, lease);
        for (ExerciseResult r : grade.exercises()) {
            if (r.status() != ExerciseStatus.GRADED && Files.isDirectory(clone.resolve("exercises"))) {
                notes.add(r.id() + ": " + r.status().json());
            }
        }
        var head = GitHead.of(clone);
        if (head.isEmpty()) {
            notes.add("not a git repository");
        }
        List<String> tampered = tampering.check(clone);
        Files.writeString(out.resolve("feedback").resolve(name + ".md"), MarkdownReport.render(grade),
                StandardCharsets.UTF_8);

        List<String> row = new ArrayList<>();
        row.add(name);
        for (ExerciseResult r : grade.exercises()) {
            row.add(String.valueOf(r.score()));
        }
        row.add(String.valueOf(grade.score()));
        row.add(String.valueOf(grade.maxScore()));
        row.add(notes.isEmpty() ? "graded" : String.join("; ", notes));
        row.add(String.join("; ", tampered));
        row.add(head.map(GitHead::hash).orElse(""));
        row.add(head.map(GitHead::time).orElse(""));
        row.add(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return row;
    }
}
