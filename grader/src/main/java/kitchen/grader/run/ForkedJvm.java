package kitchen.grader.run;

import kitchen.grader.forked.ForkedRunner;
import kitchen.grader.protocol.ResultSeal;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kitchen.grader.compile.Compilation;
import kitchen.grader.sandbox.Cell;
import kitchen.grader.sandbox.Sandbox;
import kitchen.grading.Lang;
import kitchen.grading.TestClasses;
import kitchen.grading.TimeScale;

/**
 * Runs one exercise's tests in a JVM of its own under a hard deadline. Whatever the student's code does
 * there (exit, hang, deadlock, exhaust memory, spawn processes, print without end) ends with that JVM:
 * at the deadline its whole process tree is killed, including children it started and orphaned. Where the
 * machine allows it, the JVM runs in a {@link Cell} (an unprivileged user, no network, only its own files);
 * either way its tests come over its standard input, never from its class path.
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
     * @param results  the result lines the JVM wrote, still sealed
     */
    public record Outcome(int exitCode, boolean killed, String output, Duration elapsed, List<String> results) {
        /** What {@code -XX:+ExitOnOutOfMemoryError} makes the JVM print, then exit with {@link #OOM_EXIT}. */
        static final String OOM_LINE = "Terminating due to java.lang.OutOfMemoryError";
        static final int OOM_EXIT = 3;

        public Outcome {
            results = List.copyOf(results);
        }

        /** The JVM ran out of heap: it says so on its own output and exits with status 3. */
        public boolean outOfMemory() {
            return !killed && exitCode == OOM_EXIT && output.contains(OOM_LINE);
        }

        Outcome withResults(List<String> lines) {
            return new Outcome(exitCode, killed, output, elapsed, lines);
        }
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
     * One exercise's run.
     *
     * @param classpath   the kit's classes first (so a submission cannot replace them), then the student's
     * @param mainClasses the student's compiled classes (last on the class path), where the tests are defined
     * @param testClasses the compiled tests: shipped over the JVM's standard input, never on its class path
     * @param work        a folder of the grader's for this run: the JVM's working folder and results go in it
     * @param testMethods if not empty, only these test methods run
     * @param sandbox     run in a cell where this machine allows one
     */
    public record Request(List<Path> classpath, Path mainClasses, Path testClasses, Path work, Duration deadline,
            Lang lang, double timeScale, List<String> testMethods, ResultSeal seal, boolean sandbox) {
        public Request {
            classpath = List.copyOf(classpath);
            testMethods = List.copyOf(testMethods);
        }
    }

    /**
     * Runs the request's tests and returns what happened, with the result lines the JVM wrote (sealed;
     * the caller opens them).
     */
    public static Outcome run(Request request) throws IOException, InterruptedException {
        Optional<Sandbox> sandbox = request.sandbox() ? Sandbox.available() : Optional.empty();
        Cell cell = sandbox.isPresent() ? sandbox.get().open(request.work()) : null;
        try {
            Path cwd = cell != null ? cell.cwd() : Files.createDirectories(request.work().resolve("cwd"));
            Path out = cell != null ? cell.out() : cwd.getParent();
            Path resultsFile = out.resolve("results.jsonl");
            List<Path> classpath = new ArrayList<>(request.classpath());
            classpath.add(request.mainClasses());
            Path argFile = out.resolve("classpath.args");
            // An @argfile keeps long class paths within Windows' command-line limit.
            Files.writeString(argFile, "-cp\n\"" + Compilation.joinPath(classpath).replace("\\", "\\\\") + "\"\n",
                    StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(
                    javaExecutable(),
                    MAX_HEAP,
                    "-XX:+ExitOnOutOfMemoryError",
                    "-XX:+UseSerialGC",
                    // No attaching to this JVM (jcmd, agents): a process the student's code starts could
                    // otherwise read the tests out of it.
                    "-XX:+DisableAttachMechanism",
                    "-XX:-UsePerfData",
                    "-Djava.awt.headless=true",
                    "-Dfile.encoding=UTF-8",
                    "-Dstdout.encoding=UTF-8",
                    "-Dstderr.encoding=UTF-8",
                    "-D" + Lang.PROPERTY + "=" + request.lang().tag(),
                    "-D" + TimeScale.PROPERTY + "=" + request.timeScale(),
                    "@" + argFile,
                    ForkedRunner.class.getName(),
                    resultsFile.toString(),
                    String.valueOf(request.deadline().toMillis())));
            command.addAll(request.testMethods());
            if (cell != null) {
                command = cell.wrap(command, classpath);
            }

            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
            builder.environment().keySet().retainAll(KEPT_ENVIRONMENT);
            if (cell != null) {
                builder.environment().putAll(cell.environment());
            }
            TestClasses.Shipment tests = shipment(request.testClasses(), request.mainClasses());
            Process process = builder.start();
            LIVE.add(process);
            // Written from a thread of its own: the tests may not fit in the pipe before the JVM reads them.
            Thread feeder = Thread.ofPlatform().daemon().name("kitchen-feed").start(() -> {
                try (var stdin = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()))) {
                    stdin.writeUTF(request.seal().keyHex());
                    TestClasses.write(tests, stdin);
                } catch (IOException e) {
                    // The JVM died at start-up; its output says why.
                }
            });
            try {
                Outcome outcome = await(process, start, request.deadline());
                feeder.join(1_000);
                List<String> results = Files.exists(resultsFile)
                        ? Files.readAllLines(resultsFile, StandardCharsets.UTF_8) : List.of();
                return outcome.withResults(results);
            } finally {
                if (process.isAlive()) {
                    // Only when the grader was interrupted mid-wait: never leave the JVM behind.
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
                LIVE.remove(process);
            }
        } finally {
            if (cell != null) {
                cell.close();
            }
        }
    }

    /**
     * The compiled tests, by class name, and for each package one of the student's classes to define them
     * beside (see {@link TestClasses}).
     */
    static TestClasses.Shipment shipment(Path testClasses, Path mainClasses) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Path file : classFiles(testClasses)) {
            classes.put(className(testClasses, file), Files.readAllBytes(file));
        }
        Map<String, String> anchors = new LinkedHashMap<>();
        for (Path file : classFiles(mainClasses)) {
            String name = className(mainClasses, file);
            int dot = name.lastIndexOf('.');
            anchors.putIfAbsent(dot < 0 ? "" : name.substring(0, dot), name);
        }
        return new TestClasses.Shipment(classes, anchors);
    }

    private static List<Path> classFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    /** Classes both folders hold: a submission's class that would take a test's place. */
    public static List<String> sameNames(Path mainClasses, Path testClasses) throws IOException {
        Set<String> tests = new HashSet<>();
        for (Path file : classFiles(testClasses)) {
            tests.add(className(testClasses, file));
        }
        List<String> same = new ArrayList<>();
        for (Path file : classFiles(mainClasses)) {
            String name = className(mainClasses, file);
            if (tests.contains(name)) {
                same.add(name);
            }
        }
        return same;
    }

    static String className(Path root, Path classFile) {
        String relative = root.relativize(classFile).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
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
        return new Outcome(killed ? -1 : process.exitValue(), killed, output.text(), elapsed, List.of());
    }

    /** This JVM's own java launcher: every JVM the grader starts runs on the JDK it runs on. */
    public static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

}
