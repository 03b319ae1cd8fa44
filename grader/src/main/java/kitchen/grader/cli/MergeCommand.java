package kitchen.grader.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kitchen.grader.Main;
import kitchen.grader.batch.GradebookMerge;
import kitchen.grader.kit.Exercise;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grader merge PART... --out DIR}: the gradebooks of a class graded in parts, as one. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the --out folders of batch --shard runs into one gradebook.csv and feedback/.")
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PART", arity = "1..*", description = "the --out folder of each batch --shard run")
    List<Path> parts;

    @Option(names = "--out", paramLabel = "OUT", required = true, description = "where the merged gradebook goes")
    Path out;

    @CommandLine.Mixin
    KitOption kitOption;

    private final PrintStream console;

    MergeCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        List<String> ids = kitOption.kit().exercises().stream().map(Exercise::id).toList();
        GradebookMerge.Summary summary;
        try {
            summary = GradebookMerge.merge(ids, parts, out);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        summary.duplicates().forEach(d -> console.println("in two parts, the later one's row kept: " + d));
        console.printf("Merged %d parts: %d students; see %s and %s%n", summary.parts(), summary.students(),
                out.resolve("gradebook.csv"), out.resolve("feedback"));
        return Main.OK;
    }
}
