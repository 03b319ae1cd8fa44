package kitchen.grader.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import kitchen.grader.Main;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.NewExercise;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grader new-exercise NN-slug}: the skeleton of a new exercise, every file the contract names. */
@Command(name = "new-exercise", mixinStandardHelpOptions = true,
        description = "Write the skeleton of a new exercise (instructor repository): stub, public and graded "
                + "test, READMEs with their points tables, reference solution, module lists, README row.")
final class NewExerciseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NN-slug", description = "the exercise's id, e.g. 09-mise-en-place")
    String id;

    @Option(names = "--package", paramLabel = "PKG",
            description = "the Java package of its code and tests (default: the slug's first word)")
    String pkg;

    @CommandLine.Mixin
    KitOption kitOption;

    private final PrintStream console;

    NewExerciseCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Kit kit = kitOption.instructorKit("new-exercise");
        String packageName = pkg != null ? pkg : id.length() > 3 ? id.substring(3).split("-")[0] : id;
        List<String> written;
        try {
            written = NewExercise.write(kit, id, packageName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        console.println("Wrote exercise " + id + " (package " + packageName + "):");
        written.forEach(f -> console.println("  " + f));
        console.println("""
                Next (solutions/README.md, "Adding exercise NN"):
                  - write the stub, the statement and the graded tests; keep @Tag("task:N") and @Points on each
                  - rebalance points so the kit sums to 100 again (this exercise's points= and @Points, another
                    exercise's, and every README table they appear in)
                  - add variants/ and mistakes/ under solutions/%s
                  - when the stub is final: the stub.sha256 that StubFingerprintTest prints
                  - regenerate the Classroom workflow (see ReleaseIT)
                ./mvnw -B test names whatever still disagrees (KitContractTest, StubFingerprintTest).""".formatted(id));
        return Main.OK;
    }
}
