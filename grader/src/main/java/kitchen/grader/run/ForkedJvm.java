package kitchen.grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kitchen.grader.compile.Compilation;
import kitchen.grading.Lang;
import kitchen.grading.TimeScale;

/**
 * Runs one exercise's tests in a JVM of its own under a hard deadline. Whatever the student's code does
 * there (exit, hang, deadlock, exhaust memory, spawn processes, print without end) ends with that JVM:
 * at the deadline its whole process tree is killed, including children it started and orphaned.
 */
public final class ForkedJvm {

    /** Heap of the test JVM: enough for the exercises, small enough that a runaway fails fast. */
    static final String MAX_HEAP = "-Xmx512m";
    private static final long POLL_MILLIS = 100;

    /**
     * What happened.
     *
     * @param exitCode the JVM's exit code; -1 when the grader killed it
     * @param killed   true when the hard deadline was reached
     * @param output   stdout and stderr, interleaved and capped
     */
    public record Outcome(int exitCode, boolean killed, String output, Duration elapsed) {
    }

    /** JVMs running now: killed if the grader itself is stopped (Ctrl-C), so none outlives it. */
    private static final Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> LIVE.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        })));
    }

    /**
     * The only environment variables student code sees: what a JVM and its child processes need to run.
     * Everything else stays with the grader: a CI job's tokens and its file-command paths
     * ({@code GITHUB_ENV}, {@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY}, {@code ACTIONS_*}), a
     * shell's credentials, anything an instructor exported.
     */
    static final java.util.Set<String> KEPT_ENVIRONMENT = java.util.Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL",
            "LC_CTYPE", "TZ", "TMPDIR", "TEMP", "TMP", "SystemRoot", "SYSTEMROOT", "windir", "WINDIR", "ComSpec",
            "COMSPEC", "PATHEXT");

    private ForkedJvm() {
    }

    /**
     * @param classpath   the kit's classes first (so a submission cannot replace them), then the
     *                    student's classes, then the tests
     * @param testMethods if not empty, only these test methods run
     */
    public static Outcome run(List<Path> classpath, Path testClasses, Path resultsFile, Path workDir,
            Duration deadline, Lang lang, double timeScale, List<String> testMethods, ResultSeal seal)
            throws IOException, InterruptedException {
        Path argFile = workDir.resolve("classpath.args");
        // An @argfile keeps long class paths within Windows' command-line limit.
        Files.writeString(argFile, "-cp\n\"" + Compilation.joinPath(classpath).replace("\\", "\\\\") + "\"\n",
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                MAX_HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8",
                "-D" + Lang.PROPERTY + "=" + lang.tag(),
                "-D" + TimeScale.PROPERTY + "=" + timeScale,
                "@" + argFile,
                ForkedRunner.class.getName(),
                resultsFile.toString(),
                testClasses.toString(),
                String.valueOf(deadline.toMillis())));
        command.addAll(testMethods);

        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().retainAll(KEPT_ENVIRONMENT);
        Process process = builder.start();
        LIVE.add(process);
        try (var stdin = process.getOutputStream()) {
            stdin.write((seal.keyHex() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The JVM died at start-up; its output says why.
        }
        try {
            return await(process, start, deadline);
        } finally {
            if (process.isAlive()) {
                // Only when the grader was interrupted mid-wait: never leave the JVM behind.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            LIVE.remove(process);
        }
    }

    private static Outcome await(Process process, long start, Duration deadline) throws InterruptedException {
        CappedOutput output = new CappedOutput(process.getInputStream());
        Thread drain = Thread.ofPlatform().daemon().name("kitchen-drain").start(output);

        // Children a submission starts are re-parented when it dies: remember them while they are ours.
        Set<ProcessHandle> seen = new HashSet<>();
        long deadlineNanos = start + deadline.toNanos();
        boolean killed = false;
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(seen::add);
            if (System.nanoTime() > deadlineNanos) {
                killed = true;
                break;
            }
        }
        process.descendants().forEach(seen::add);
        seen.forEach(ProcessHandle::destroyForcibly);
        if (killed) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        drain.join(2_000);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(killed ? -1 : process.exitValue(), killed, output.text(), elapsed);
    }

    /** This JVM's own java launcher: every JVM the grader starts runs on the JDK it runs on. */
    public static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

}
