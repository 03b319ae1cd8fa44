package kitchen.grader.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kitchen.grader.Main;
import kitchen.grader.engine.Grader;
import kitchen.grader.engine.Options;
import kitchen.grader.engine.Progress;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.Submission;
import kitchen.grader.report.ConsoleReport;
import kitchen.grader.run.Calibration;
import kitchen.grader.report.Reports;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.Grade;
import kitchen.grading.Lang;
import kitchen.grading.TimeScale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grade}: grades the working tree, a student's clone, or the reference solutions. */
@Command(name = "grade",
        mixinStandardHelpOptions = true,
        description = {
            "Grades each exercise on its own (compiled, then tested in a JVM of its own under a deadline) "
                    + "with the kit's own public and hidden tests, and prints the score table and feedback.",
            "Without --submission or --solutions it grades this kit's exercises/*/src/main/java."
        })
final class GradeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--submission", paramLabel = "DIR",
                description = "grade DIR/exercises/*/src/main/java (a student's clone)")
        Path submission;

        @Option(names = "--solutions", description = "grade the reference solutions (instructor repository)")
        boolean solutions;
    }

    @Option(names = "--out", paramLabel = "DIR",
            description = "write report.json, summary.md, junit/ and classroom.json into DIR")
    Path out;

    @CommandLine.Mixin
    LangOption langOption;

    @Option(names = "--verbose",
            description = "run and report every exercise in full, the untouched ones too (by default an exercise "
                    + "whose code is still its stub is not run, and is one line: not started)")
    boolean verbose;

    @CommandLine.Mixin
    SandboxOption sandbox;

    @CommandLine.Mixin
    ExerciseOption exerciseOption;

    @Option(names = "--time-scale", paramLabel = "FACTOR",
            description = "stretch timing margins and deadlines by FACTOR (default: measured on this machine before grading)")
    Double timeScale;

    @Option(names = "--budget", paramLabel = "SECONDS",
            description = "finish within SECONDS whatever the code does: deadlines are cut to what is left, and "
                    + "exercises not reached get 0 with the status not-run (the Classroom workflow sets it below "
                    + "the job's timeout, so a grade is always reported)")
    Integer budgetSeconds;

    @CommandLine.Mixin
    KitOption kitOption;

    private final PrintStream console;

    GradeCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        if (budgetSeconds != null && budgetSeconds < 30) {
            throw usage("--budget " + budgetSeconds + ": give at least 30 seconds");
        }
        if (timeScale != null && !(timeScale >= 1.0 && timeScale <= TimeScale.MAX)) {
            throw usage("--time-scale " + timeScale + ": give a factor from 1 to " + TimeScale.MAX);
        }
        Lang language = langOption.lang();
        Kit kit = kitOption.kit();
        List<Exercise> exercises = exerciseOption.select(kit);
        Submission submission = submission(kit);

        ConsoleReport report = new ConsoleReport(console, ConsoleReport.colorWanted(console), language);
        report.header(submission.label(), exercises.size());
        Options options = Options.defaults(language);
        options = sandbox.apply(options);
        if (verbose) {
            options = options.runningUntouched();
        }
        options = options.timeScale(timeScale != null ? timeScale : Calibration.measure(options.kitClasspath()));
        if (budgetSeconds != null) {
            // The budget counts from the command's start: the calibration above is part of the run.
            options = options.budget(java.time.Duration.ofSeconds(budgetSeconds)
                    .minus(java.time.Duration.ofNanos(System.nanoTime() - started)));
        }
        Grade grade = new Grader(kit, options).grade(submission, exercises, new Progress() {
            @Override
            public void started(Exercise exercise) {
                report.onExerciseStarted(exercise.id(), exercise.title(language));
            }

            @Override
            public void finished(ExerciseResult result) {
                report.onExerciseFinished(result);
            }
        });
        report.printSummary(grade);
        if (out != null) {
            Reports.writeAll(out, grade);
            report.wroteReports(out);
        }
        return Main.OK;
    }

    private Submission submission(Kit kit) {
        if (source != null && source.solutions) {
            if (!kit.hasSolutions()) {
                throw usage("--solutions: this kit has no solutions/ folder (it is a student template)");
            }
            return Submission.solutions(kit);
        }
        if (source != null && source.submission != null) {
            if (!Files.isDirectory(source.submission)) {
                throw usage("--submission " + source.submission + ": no such folder");
            }
            return Submission.folder(source.submission, source.submission.toString());
        }
        return Submission.folder(kit.root(), langOption.lang().pick("this folder", "esta pasta"));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
