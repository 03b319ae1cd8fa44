package kitchen.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import kitchen.grader.report.HtmlReport;
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

    /** Told as students are graded, for the console. */
    public interface Listener {
        /** Grading of {@code student} starts; {@code why} says why an earlier row is not kept (or is empty). */
        void started(String student, String why);

        /** {@code student} is graded: its total and status as the gradebook row has them. */
        void finished(String student, String total, String status);
    }

    /** What a batch did. */
    public record Summary(int students, int graded, int skipped) {
    }

    private final Kit kit;
    private final Options options;
    private final Roster roster;

    public BatchGrading(Kit kit, Options options) {
        this(kit, options, Roster.NONE);
    }

    /** With the course's roster: each row also gets the student's roster identifier. */
    public BatchGrading(Kit kit, Options options, Roster roster) {
        this.kit = kit;
        this.options = options;
        this.roster = roster;
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
        return run(submissions, out, jobs, force, Shard.ALL, listener);
    }

    /** Grades the students of one {@link Shard} of the class (all of them with {@link Shard#ALL}). */
    public Summary run(Path submissions, Path out, int jobs, boolean force, Shard shard, Listener listener)
            throws IOException, InterruptedException {
        List<Exercise> exercises = kit.exercises();
        List<Path> everyone = students(submissions);
        // The assignment prefix is the whole class's, whichever part of it this run grades.
        String prefix = classroomPrefix(everyone);
        List<Path> students = new ArrayList<>();
        for (int i = 0; i < everyone.size(); i++) {
            if (shard.holds(i)) {
                students.add(everyone.get(i));
            }
        }
        Files.createDirectories(out.resolve("feedback"));
        // Which part of the class this folder holds, for merge to check that no part is missing.
        Files.writeString(out.resolve(Shard.FILE), "shard=" + shard + "\nstudents=" + everyone.size() + "\n",
                java.nio.charset.StandardCharsets.UTF_8);
        Tampering tampering = new Tampering(kit);
        String kitPrint = KitFingerprint.of(kit);
        CoreLease lease = jobs > 1 ? CoreLease.sharedUnlessSensitive() : CoreLease.NONE;
        int skipped = 0;
        try (Gradebook book = new Gradebook(out.resolve("gradebook.csv"), exercises.stream().map(Exercise::id).toList(),
                force);
                ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs))) {
            List<Future<?>> pending = new ArrayList<>();
            for (Path student : students) {
                String name = student.getFileName().toString();
                String why = whyRegrade(book.earlier(name), GitHead.of(student), kitPrint);
                if (why == null) {
                    skipped++;
                    continue;
                }
                pending.add(pool.submit(() -> {
                    listener.started(name, why);
                    List<String> row;
                    try {
                        row = gradeOne(student, exercises, tampering, lease, out, kitPrint, prefix);
                    } catch (IOException | RuntimeException e) {
                        // One unreadable clone is one row, never a stopped batch.
                        row = errorRow(name, prefix, exercises, kitPrint, e);
                    }
                    book.append(row);
                    listener.finished(name, book.cell(row, "total") + "/" + book.cell(row, "max"),
                            book.cell(row, "status"));
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

    /**
     * Why a student is graded (again), or null to keep the earlier row: it is kept only when it was graded
     * at the clone's current HEAD with the same grading kit.
     */
    static String whyRegrade(Map<String, String> earlier, Optional<GitHead> head, String kitPrint) {
        if (earlier.isEmpty()) {
            return "";
        }
        if (head.isEmpty()) {
            return "not a git repository, so no commit tells whether it changed";
        }
        if (!head.get().hash().equals(earlier.get("commit"))) {
            return "new commit " + head.get().hash().substring(0, 7);
        }
        if (!kitPrint.equals(earlier.get("kit"))) {
            return "the grading kit changed";
        }
        if ("error".equals(earlier.get("status"))) {
            return "the last grading failed";
        }
        return null;
    }

    /**
     * The assignment prefix {@code gh classroom clone} puts before every student's GitHub username
     * ("kitchen-2026-ana", "kitchen-2026-bruno" → "kitchen-2026-"), or empty when the folders share none.
     */
    static String classroomPrefix(List<Path> students) {
        if (students.size() < 2) {
            return "";
        }
        String common = students.getFirst().getFileName().toString();
        for (Path s : students) {
            String name = s.getFileName().toString();
            int i = 0;
            while (i < common.length() && i < name.length() && common.charAt(i) == name.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        int dash = common.lastIndexOf('-');
        return dash < 0 ? "" : common.substring(0, dash + 1);
    }

    static String username(String folder, String prefix) {
        return !prefix.isEmpty() && folder.startsWith(prefix) ? folder.substring(prefix.length()) : "";
    }

    private List<String> errorRow(String name, String prefix, List<Exercise> exercises, String kitPrint,
            Exception e) {
        List<String> row = new ArrayList<>(List.of(name, username(name, prefix), roster.identifierOf(username(name, prefix))));
        exercises.forEach(x -> row.add("0"));
        row.add("0");
        row.add(String.valueOf(exercises.stream().mapToInt(Exercise::points).sum()));
        row.add("error");
        exercises.forEach(x -> row.add(""));
        row.addAll(List.of(String.valueOf(e.getMessage()).replace('\n', ' '), "", "", kitPrint, now()));
        return row;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A git ISO-8601 time with any offset, as the same instant in UTC ("…Z"), or as it was if unreadable. */
    static String utc(String isoTime) {
        try {
            return OffsetDateTime.parse(isoTime).toInstant().toString();
        } catch (DateTimeParseException e) {
            return isoTime;
        }
    }

    private List<String> gradeOne(Path clone, List<Exercise> exercises, Tampering tampering, CoreLease lease, Path out,
            String kitPrint, String prefix) throws IOException {
        String name = clone.getFileName().toString();
        boolean hasExercises = Files.isDirectory(clone.resolve("exercises"));
        Grade grade = new Grader(kit, options).grade(Submission.folder(clone, name), exercises, Progress.NONE, lease);
        var head = GitHead.of(clone);
        List<String> tampered = tampering.check(clone);
        String status = !hasExercises ? "no-exercises"
                : grade.exercises().stream().allMatch(r -> r.status() == ExerciseStatus.GRADED
                        || r.status() == ExerciseStatus.NOT_STARTED) ? "graded" : "problems";
        String header = "**" + name + "** — " + grade.score() + " / " + grade.maxScore() + " · "
                + head.map(h -> "commit `" + h.hash().substring(0, 7) + "` (" + utc(h.time()) + ")")
                        .orElse("not a git repository")
                + " · graded " + now() + (tampered.isEmpty() ? "" : " · changed: " + String.join(", ", tampered))
                + "\n\n";
        Files.writeString(out.resolve("feedback").resolve(name + ".md"), header + MarkdownReport.render(grade),
                StandardCharsets.UTF_8);
        // The same feedback as a page, pictures drawn: for the student who opens it rather than reads it on GitHub.
        Files.writeString(out.resolve("feedback").resolve(name + ".html"),
                HtmlReport.render(grade, header.replace("**", "").replace("`", "").strip()), StandardCharsets.UTF_8);

        List<String> row = new ArrayList<>(List.of(name, username(name, prefix), roster.identifierOf(username(name, prefix))));
        for (ExerciseResult r : grade.exercises()) {
            row.add(String.valueOf(r.score()));
        }
        row.add(String.valueOf(grade.score()));
        row.add(String.valueOf(grade.maxScore()));
        row.add(status);
        for (ExerciseResult r : grade.exercises()) {
            row.add(r.status().json());
        }
        row.add(String.join("; ", tampered));
        row.add(head.map(GitHead::hash).orElse(""));
        row.add(head.map(h -> utc(h.time())).orElse(""));
        row.add(kitPrint);
        row.add(now());
        return row;
    }
}
