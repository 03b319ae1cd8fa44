package kitchen.grader.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kitchen.grader.compile.Compilation;
import kitchen.grader.engine.Grader;
import kitchen.grader.engine.Options;
import kitchen.grader.engine.Progress;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.KnownMistake;
import kitchen.grader.kit.KnownVariant;
import kitchen.grader.kit.MistakeVerdict;
import kitchen.grader.kit.Submission;
import kitchen.grader.forked.Burner;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;

/**
 * The flake soak: grades the reference solutions N times, and each correct variant and known mistake in
 * the first M of those runs, optionally while other processes keep every core busy, and counts false
 * failures (a solution or a correct variant below full marks) and missed mistakes. Grading must be right
 * every time, so any count above 0 is a bug in the kit.
 */
public final class Soak {

    /**
     * One exercise's tally.
     *
     * @param runs          gradings of the reference solution
     * @param variants      gradings of correct variants
     * @param falseFailures gradings of the solution or a variant that lost a point
     * @param medianMillis  the reference solution's median grading time
     */
    public record Row(String exercise, int runs, int variants, int falseFailures, int mistakes, int missed,
            long medianMillis) {
    }

    private final Kit kit;
    private final Options options;
    private final PrintStream log;

    public Soak(Kit kit, Options options, PrintStream log) {
        this.kit = kit;
        this.options = options;
        this.log = log;
    }

    /**
     * @param variantRuns in how many of the runs (the first ones) each correct variant is graded too
     * @param mistakeRuns in how many of the runs (the first ones) each known mistake is graded too
     */
    public List<Row> run(List<Exercise> exercises, int runs, int variantRuns, int mistakeRuns, boolean load)
            throws IOException {
        List<Process> burners = load ? startBurners() : List.of();
        try {
            return tally(exercises, runs, variantRuns, mistakeRuns);
        } finally {
            burners.forEach(Process::destroyForcibly);
        }
    }

    private List<Row> tally(List<Exercise> exercises, int runs, int variantRuns, int mistakeRuns) {
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        Map<String, Integer> falseFailures = new LinkedHashMap<>();
        Map<String, Integer> missed = new LinkedHashMap<>();
        exercises.forEach(e -> {
            millis.put(e.id(), new ArrayList<>());
            falseFailures.put(e.id(), 0);
            missed.put(e.id(), 0);
        });
        List<KnownMistake> mistakes = KnownMistake.all(kit).stream().filter(m -> exercises.contains(m.exercise())).toList();
        List<KnownVariant> variants = KnownVariant.all(kit).stream().filter(v -> exercises.contains(v.exercise())).toList();
        for (int run = 1; run <= runs; run++) {
            Grade grade = new Grader(kit, options).grade(Submission.solutions(kit), exercises, Progress.NONE);
            for (ExerciseResult r : grade.exercises()) {
                millis.get(r.id()).add(r.duration().toMillis());
                if (r.status() != ExerciseStatus.GRADED || r.score() != r.maxScore()) {
                    falseFailures.merge(r.id(), 1, Integer::sum);
                    log.printf("run %d: %s scored %d/%d (%s)%n%s%n", run, r.id(), r.score(), r.maxScore(),
                            r.status().json(), r.failedTests().stream().map(t -> "  - " + t.name() + ": " + t.message())
                                    .reduce("", (a, b) -> a + b + "\n") + r.message());
                }
            }
            for (KnownVariant v : run <= variantRuns ? variants : List.<KnownVariant>of()) {
                Grade g = new Grader(kit, options).grade(v.submission(),
                        List.of(v.exercise()), Progress.NONE);
                int graded = run;
                v.problem(g.exercises().getFirst()).ifPresent(problem -> {
                    falseFailures.merge(v.exercise().id(), 1, Integer::sum);
                    log.printf("run %d: variant %s/%s: %s%n", graded, v.exercise().id(), v.slug(), problem);
                });
            }
            for (KnownMistake m : run <= mistakeRuns ? mistakes : List.<KnownMistake>of()) {
                Grade g = new Grader(kit, options.onlyTests(List.of(m.test())))
                        .grade(m.submission(), List.of(m.exercise()),
                                Progress.NONE);
                MistakeVerdict.problem(m, g.exercises().getFirst()).ifPresent(problem -> {
                    missed.merge(m.exercise().id(), 1, Integer::sum);
                    log.printf("mistake %s/%s: %s%n", m.exercise().id(), m.slug(), problem);
                });
            }
            log.printf("soak run %d/%d done%n", run, runs);
        }
        List<Row> rows = new ArrayList<>();
        for (Exercise e : exercises) {
            List<Long> times = new ArrayList<>(millis.get(e.id()));
            times.sort(null);
            long median = times.isEmpty() ? 0 : times.get(times.size() / 2);
            int count = (int) mistakes.stream().filter(m -> m.exercise().equals(e)).count();
            int correct = (int) variants.stream().filter(v -> v.exercise().equals(e)).count();
            rows.add(new Row(e.id(), runs, correct * variantRuns, falseFailures.get(e.id()), count * mistakeRuns,
                    missed.get(e.id()), median));
        }
        return rows;
    }

    public static String table(List<Row> rows, boolean load) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %5s %9s %15s %17s %15s %14s%n",
                "exercise", "runs", "variants", "false failures", "mistake gradings", "missed mistakes", "median time"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-28s %5d %9d %15d %17d %15d %12.1f s%n", r.exercise(), r.runs(),
                    r.variants(), r.falseFailures(), r.mistakes(), r.missed(), r.medianMillis() / 1000.0));
        }
        out.append(load ? "(with every core kept busy by other processes)\n" : "(machine not loaded on purpose)\n");
        return out.toString();
    }

    private List<Process> startBurners() throws IOException {
        List<Process> burners = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < cores; i++) {
            burners.add(new ProcessBuilder(kitchen.grader.run.ForkedJvm.javaExecutable(), "-cp",
                    Compilation.joinPath(options.kitClasspath()), Burner.class.getName(), "86400")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        return burners;
    }
}
