package kitchen.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import kitchen.grader.kit.Kit;
import picocli.CommandLine;

/** Finds the kit a command works on: the hidden --kit option, or the one this grader belongs to. */
final class KitOption {

    private KitOption() {
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
