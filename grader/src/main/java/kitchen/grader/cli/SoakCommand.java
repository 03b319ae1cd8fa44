package kitchen.grader.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import kitchen.grader.Main;
import kitchen.grader.engine.Options;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.run.Calibration;
import kitchen.grader.soak.Soak;
import kitchen.grading.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soak}: the flake soak of the instructor repository. */
@Command(name = "soak",
        mixinStandardHelpOptions = true,
        description = {
            "Grades the reference solutions, every correct variant and every known mistake N times, by default",
            "while other processes keep every core busy, and prints: exercise, runs, false failures, missed",
            "mistakes. Exit code 3 when a solution or a correct variant lost a point or a mistake was missed."
        })
final class SoakCommand implements Callable<Integer> {

    /** The soak found a false failure or a missed mistake. */
    static final int FLAKY = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "30", description = "how many times (default 30)")
    int runs;

    @Option(names = "--mistake-runs", paramLabel = "M",
            description = "grade each known mistake (and, unless --variant-runs says otherwise, each correct "
                    + "variant) in the first M runs only (default: every run)")
    Integer mistakeRuns;

    @Option(names = "--variant-runs", paramLabel = "V",
            description = "grade each correct variant in the first V runs (default: as --mistake-runs)")
    Integer variantRuns;

    @Option(names = "--no-load", description = "don't keep the cores busy")
    boolean noLoad;

    @CommandLine.Mixin
    SandboxOption sandbox;

    @CommandLine.Mixin
    ExerciseOption exerciseOption;

    @CommandLine.Mixin
    KitOption kitOption;

    private final PrintStream console;

    SoakCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        int mistakes = mistakeRuns == null ? runs : mistakeRuns;
        if (mistakes < 0 || mistakes > runs) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--mistake-runs must be between 0 and --runs (" + runs + "), was " + mistakes);
        }
        int variants = variantRuns == null ? mistakes : variantRuns;
        if (variants < 0 || variants > runs) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--variant-runs must be between 0 and --runs (" + runs + "), was " + variants);
        }
        Kit kit = kitOption.instructorKit("soak");
        List<Exercise> exercises = exerciseOption.select(kit);
        Options options = Options.defaults(Lang.EN);
        options = sandbox.apply(options);
        // Calibrated before the load starts: the soak asks whether the margins hold on a busy machine.
        options = options.timeScale(Calibration.measure(options.kitClasspath()));
        console.printf("soak: %d runs (correct variants in %d, known mistakes in %d), time scale %.1f, %s; %s%n",
                runs, variants, mistakes, options.timeScale(), noLoad ? "no load" : "cores busy",
                options.isolation().line(Lang.EN));
        List<Soak.Row> rows = new Soak(kit, options, console).run(exercises, runs, variants, mistakes, !noLoad);
        console.print(Soak.table(rows, !noLoad));
        boolean clean = rows.stream().allMatch(r -> r.falseFailures() == 0 && r.missed() == 0);
        return clean ? Main.OK : FLAKY;
    }
}
