package kitchen.grader.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kitchen.grader.Main;
import kitchen.grader.kit.Kit;
import kitchen.grader.release.StudentTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code release}: writes the student template from this instructor repository. */
@Command(name = "release",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a ready-to-push student template into DIR: build, kitchen, exercises (stubs, public tests,",
            "READMEs), grader, a student README and the GitHub Classroom workflow. Never the solutions or the",
            "known mistakes; the hidden tests only with --hidden-tests include (open book)."
        })
final class ReleaseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where to write the template")
    Path out;

    @Option(names = "--hidden-tests", paramLabel = "exclude|include", defaultValue = "exclude",
            description = "leave the hidden graded tests out (default) or bundle them (open book)")
    StudentTemplate.HiddenTests hiddenTests;

    @Option(names = "--force", description = "write into a DIR that is not empty (its contents are replaced; .git is kept)")
    boolean force;

    @Option(names = "--kit", paramLabel = "DIR", hidden = true, description = "the instructor repository")
    Path kitDir;

    private final PrintStream console;

    ReleaseCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Kit kit = KitOption.kit(spec, kitDir);
        if (!kit.hasSolutions()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "this kit has no solutions/: release runs in the instructor repository, not in a template");
        }
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(kit.root())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out " + out + " is inside the kit: choose a folder outside " + kit.root());
        }
        if (Files.isRegularFile(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is a file");
        }
        if (Files.isDirectory(target) && !isEmpty(target)) {
            if (!force) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--out " + out + " exists and is not empty: choose an empty folder, or add --force to "
                                + "replace its contents (its .git is kept)");
            }
            StudentTemplate.clear(target);
        }
        StudentTemplate.Result result = new StudentTemplate(kit, hiddenTests).write(target);
        console.printf("Wrote the student template (%d files, hidden tests %s) to %s%n", result.files(),
                hiddenTests == StudentTemplate.HiddenTests.INCLUDE ? "included" : "left out", target);
        return Main.OK;
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }
}
