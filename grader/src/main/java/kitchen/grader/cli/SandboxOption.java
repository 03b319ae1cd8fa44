package kitchen.grader.cli;

import kitchen.grader.engine.Options;
import picocli.CommandLine.Option;

/** {@code --no-sandbox}: the same words on every command that runs student code. */
final class SandboxOption {

    @Option(names = "--no-sandbox",
            description = "run student code as this user even where a cell is possible (Linux as root); "
                    + "by default each exercise runs as an unprivileged user with no network and only its own files")
    boolean noSandbox;

    Options apply(Options options) {
        return noSandbox ? options.withoutSandbox() : options;
    }
}
