package kitchen.grader.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import kitchen.grader.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: only dispatches to its subcommands. */
@Command(name = "grader",
        mixinStandardHelpOptions = true,
        version = "Concurrency Kitchen grader 1.0",
        description = "Grades Concurrency Kitchen exercises.",
        subcommands = {GradeCommand.class, ReleaseCommand.class, BatchCommand.class, MergeCommand.class,
                SoakCommand.class, NewExerciseCommand.class})
public final class KitchenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use grade, release, batch, merge, soak or new-exercise.");
    }

    /** Runs the command line and returns the exit code; never throws, never exits. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new KitchenCommand(), new Factory(out))
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    // A command that finds its arguments wrong once running (an unknown exercise id) is
                    // still a usage error: message, usage, exit code 2.
                    if (e instanceof CommandLine.ParameterException pe) {
                        return pe.getCommandLine().getParameterExceptionHandler().handleParseException(pe, args);
                    }
                    commandLine.getErr().println("grader failed: " + e);
                    return Main.GRADER_FAILED;
                });
        cli.getCommandSpec().exitCodeOnInvalidInput(Main.USAGE);
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(Main.USAGE));
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /** Hands every command the stream to print its console report to. */
    private record Factory(PrintStream out) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == GradeCommand.class) {
                return cls.cast(new GradeCommand(out));
            }
            if (cls == ReleaseCommand.class) {
                return cls.cast(new ReleaseCommand(out));
            }
            if (cls == BatchCommand.class) {
                return cls.cast(new BatchCommand(out));
            }
            if (cls == SoakCommand.class) {
                return cls.cast(new SoakCommand(out));
            }
            if (cls == MergeCommand.class) {
                return cls.cast(new MergeCommand(out));
            }
            if (cls == NewExerciseCommand.class) {
                return cls.cast(new NewExerciseCommand(out));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
