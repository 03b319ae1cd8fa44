package kitchen.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import kitchen.grader.kit.Kit;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The kit a command works on: the hidden {@code --kit} option, or the one this grader belongs to. A picocli
 * mixin, so every command spells the option and its errors the same way.
 */
final class KitOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kit", paramLabel = "DIR", hidden = true,
            description = "the kit whose tests to use (default: the one this grader belongs to)")
    Path kitDir;

    Kit kit() {
        return kit(spec, kitDir);
    }

    /** The kit, which must be the instructor repository (it has solutions/): {@code command} needs them. */
    Kit instructorKit(String command) {
        Kit kit = kit();
        if (!kit.hasSolutions()) {
            throw new CommandLine.ParameterException(spec.commandLine(), command
                    + " needs the instructor repository (its solutions/ folder): this kit has none, like a student "
                    + "template");
        }
        return kit;
    }

    static Kit kit(CommandLine.Model.CommandSpec spec, Path kitDir) {
        if (kitDir != null) {
            if (!Files.isDirectory(kitDir.resolve("exercises"))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--kit " + kitDir + " is not a Concurrency Kitchen kit (no exercises/ folder)");
            }
            return Kit.at(kitDir);
        }
        return Kit.locate().orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "cannot find the kit: run the grader from the kit's folder (the one with exercises/ and grader/)"));
    }
}
