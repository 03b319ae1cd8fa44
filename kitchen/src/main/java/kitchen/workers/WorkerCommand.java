package kitchen.workers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import kitchen.grading.Lang;

/**
 * The command line that starts one worker process: a small JVM of its own that runs a main class of this
 * JVM's class path (the kit included). Hand it to a {@link ProcessBuilder}; every call to {@link #command()}
 * gives a fresh list, so start as many workers as you need from one {@code WorkerCommand}:
 *
 * <pre>{@code
 * WorkerCommand worker = WorkerCommand.forMain(HashWorker.class);
 * Process process = new ProcessBuilder(worker.command()).start();
 * }</pre>
 *
 * <p>A worker JVM is small and starts fast ({@value #HEAP}, client compiler only, serial GC), yet starting
 * one still costs a few hundred milliseconds: start few, and give each one plenty of work.
 */
public final class WorkerCommand {

    /** The heap of one worker JVM: enough to hash blocks of a few megabytes. */
    static final String HEAP = "-Xmx64m";

    private final List<String> command;

    private WorkerCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * The command that runs {@code main} in a new JVM with this JVM's class path.
     *
     * @param main a class with a {@code public static void main(String[])}, such as {@link HashWorker}
     * @param args the arguments its {@code main} receives
     */
    public static WorkerCommand forMain(Class<?> main, String... args) {
        Objects.requireNonNull(main, "main");
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-cp", System.getProperty("java.class.path"),
                HEAP,
                // The worker speaks the student's language too (what it prints reaches the feedback).
                "-D" + Lang.PROPERTY + "=" + Lang.current().tag(),
                // Start-up, not peak speed, is what a short-lived worker pays for.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                main.getName()));
        command.addAll(List.of(args));
        return new WorkerCommand(command);
    }

    /** The program and its arguments, for {@code new ProcessBuilder(command())}; a new mutable list each time. */
    public List<String> command() {
        return new ArrayList<>(command);
    }

    /** The command as one line, for messages (the class path is shortened). */
    @Override
    public String toString() {
        List<String> shown = new ArrayList<>(command);
        int cp = shown.indexOf("-cp") + 1;
        if (cp > 0 && shown.get(cp).length() > 60) {
            shown.set(cp, shown.get(cp).substring(0, 57) + "...");
        }
        return String.join(" ", shown);
    }

    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }
}
