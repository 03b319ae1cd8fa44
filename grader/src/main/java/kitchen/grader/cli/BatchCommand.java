package kitchen.grader.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kitchen.grader.Main;
import kitchen.grader.batch.BatchGrading;
import kitchen.grader.batch.Roster;
import kitchen.grader.batch.Shard;
import kitchen.grader.engine.Options;
import kitchen.grader.kit.Kit;
import kitchen.grader.run.Calibration;
import kitchen.grader.sandbox.Isolation;
import kitchen.grading.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code batch}: grades a folder of student clones into a gradebook and one feedback file per student. */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Grades every student clone under SUBMISSIONS_DIR (one folder per student, as `gh classroom clone",
            "student-repos` lays them out) with this kit's tests, into OUT/gradebook.csv and OUT/feedback/<student>.md.",
            "Rows are written as students are graded; a rerun skips students already in the gradebook."
        })
final class BatchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS_DIR", description = "one student clone per folder")
    Path submissions;

    @Option(names = "--out", paramLabel = "OUT", required = true, description = "where the gradebook and feedback go")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "students graded at once (default 1); timing-sensitive exercises still run alone")
    int jobs;

    @Option(names = "--force", description = "grade everyone again, replacing the gradebook")
    boolean force;

    @CommandLine.Mixin
    LangOption langOption;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "grade part K of N of the class (students dealt round-robin by folder name), to grade "
                    + "on N machines at once; put the parts together with merge")
    String shardText;

    @Option(names = "--roster", paramLabel = "CSV",
            description = "GitHub Classroom's roster (classroom_roster.csv): adds each student's roster identifier")
    Path roster;

    @CommandLine.Mixin
    SandboxOption sandbox;

    @CommandLine.Mixin
    KitOption kitOption;

    private final PrintStream console;

    BatchCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(submissions)) {
            throw usage("SUBMISSIONS_DIR " + submissions + ": no such folder");
        }
        if (jobs < 1 || jobs > 16) {
            throw usage("--jobs must be between 1 and 16, was " + jobs);
        }
        if (roster != null && !Files.isRegularFile(roster)) {
            throw usage("--roster " + roster + ": no such file");
        }
        Shard shard;
        try {
            shard = shardText == null ? Shard.ALL : Shard.parse(shardText);
        } catch (IllegalArgumentException e) {
            throw usage("--shard: " + e.getMessage());
        }
        Kit kit = kitOption.kit();
        Lang language = langOption.lang();
        Files.createDirectories(out);
        int everyone = BatchGrading.students(submissions).size();
        int total = (int) java.util.stream.IntStream.range(0, everyone).filter(shard::holds).count();
        BatchGrading.Summary summary;
        try {
            Options options = Options.defaults(language);
            options = sandbox.apply(options);
            // Measured once, before any student: every student is judged with the same margins.
            options = options.timeScale(Calibration.measure(options.kitClasspath()));
            console.printf("Grading %d students in %s%s (time scale ×%.1f, %d at once)%n", total, submissions,
                    shard.equals(Shard.ALL) ? "" : ", part " + shard + " of the class's " + everyone,
                    options.timeScale(), jobs);
            Isolation isolation = options.isolation();
            console.println(isolation.sandboxed() ? isolation.line(Lang.EN)
                    : "WARNING: students' code will run as " + System.getProperty("user.name") + ", with your files "
                            + "and your network (" + isolation.detail() + "); see \"Isolation\" in README.md "
                            + "to grade code you did not write in a cell");
            Roster course = roster == null ? Roster.NONE : Roster.read(roster);
            summary = new BatchGrading(kit, options, course).run(submissions, out, jobs, force, shard,
                    new ProgressLines(console, total));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        console.printf("Graded %d of %d students (%d kept from the gradebook: same commit, same kit); see %s and %s%n",
                summary.graded(), summary.students(), summary.skipped(), out.resolve("gradebook.csv"),
                out.resolve("feedback"));
        return Main.OK;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
