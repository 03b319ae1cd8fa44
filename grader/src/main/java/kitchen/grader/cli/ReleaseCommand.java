package kitchen.grader.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kitchen.grader.Main;
import java.util.List;
import kitchen.grader.kit.Kit;
import kitchen.grader.release.CommittedKit;
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
            "known mistakes; the hidden tests only with --hidden-tests include (open book).",
            "With --grading-kit it writes the grading kit instead: what the Classroom workflow grades with,",
            "hidden tests included, for a private repository of its own.",
            "It publishes the kit as committed (git HEAD) and names the uncommitted changes it left out."
        })
final class ReleaseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where to write the template")
    Path out;

    @Option(names = "--hidden-tests", paramLabel = "exclude|include", defaultValue = "exclude",
            description = "leave the hidden graded tests out (default) or bundle them (open book)")
    StudentTemplate.HiddenTests hiddenTests;

    @Option(names = "--grading-kit", description = "write the grading kit (grader, kitchen, exercises with their hidden "
            + "tests; no solutions) for the Classroom workflow to fetch, instead of the student template")
    boolean gradingKit;

    @Option(names = "--working-tree", description = "publish the working tree as it is, uncommitted edits included "
            + "(default: git HEAD)")
    boolean workingTree;

    @Option(names = "--force", description = "write into a DIR that is not empty (its contents are replaced; .git is kept)")
    boolean force;

    @CommandLine.Mixin
    KitOption kitOption;

    private final PrintStream console;

    ReleaseCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Kit kit = kitOption.instructorKit("release");
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
        StudentTemplate.Kind kind = gradingKit ? StudentTemplate.Kind.GRADING_KIT : StudentTemplate.Kind.TEMPLATE;
        if (gradingKit && hiddenTests == StudentTemplate.HiddenTests.EXCLUDE && spec.commandLine().getParseResult()
                .hasMatchedOption("--hidden-tests")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--grading-kit always holds the hidden tests: drop --hidden-tests exclude");
        }
        StudentTemplate.Result result;
        String source;
        if (workingTree) {
            result = new StudentTemplate(kit, hiddenTests, kind, "").write(target);
            source = "the working tree";
        } else {
            try (CommittedKit committed = CommittedKit.export(kit.root())) {
                result = new StudentTemplate(Kit.at(committed.dir()), hiddenTests, kind, committed.commit()).write(target);
                source = "commit " + committed.commit().substring(0, 7);
                if (!committed.uncommitted().isEmpty()) {
                    List<String> shown = committed.uncommitted().subList(0, Math.min(20, committed.uncommitted().size()));
                    console.printf("Left out, not committed (commit them, or add --working-tree to publish them):%n");
                    shown.forEach(f -> console.printf("  %s%n", f));
                    if (committed.uncommitted().size() > shown.size()) {
                        console.printf("  … and %d more%n", committed.uncommitted().size() - shown.size());
                    }
                }
            } catch (CommittedKit.NotCommitted e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot publish the committed kit: "
                        + e.getMessage() + "; add --working-tree to publish the folder as it is");
            }
        }
        if (gradingKit) {
            console.printf("Wrote the grading kit (%d files, from %s) to %s%n", result.files(), source, target);
        } else {
            console.printf("Wrote the student template (%d files, hidden tests %s, from %s) to %s%n", result.files(),
                    hiddenTests == StudentTemplate.HiddenTests.INCLUDE ? "included" : "left out", source, target);
        }
        return Main.OK;
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }
}
