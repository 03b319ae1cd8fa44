package kitchen.grader.forked;

import kitchen.grader.protocol.Picture;
import kitchen.grader.protocol.ResultSeal;
import kitchen.grader.protocol.RunEvent;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import kitchen.grading.Lang;
import kitchen.grading.TestClasses;
import kitchen.grading.Points;
import kitchen.trace.Drawings;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the JVM the grader forks for one exercise: runs the exercise's tests with the JUnit
 * Platform Launcher and appends one JSON line per event to a results file, flushed at once, so the grader
 * knows what finished even if student code ends or wedges this JVM. It halts at the end, so threads a
 * submission leaves behind cannot keep it alive.
 *
 * <p>Arguments: {@code RESULTS_FILE DEADLINE_MILLIS [TEST_METHOD...]}. Standard input brings the result
 * seal's key, then the exercise's compiled tests (see {@link TestClasses}): no test class is on this JVM's
 * class path or anywhere on disk where the code under test runs.
 */
public final class ForkedRunner {

    /** Per-test timeout before the time scale; a hang fails its test, and the next test still runs. */
    static final long TEST_TIMEOUT_SECONDS = 30;
    /** The runner's own watchdog fires this long before the grader's hard deadline. */
    static final long WATCHDOG_MARGIN_MILLIS = 3_000;
    private static final int MAX_MESSAGE = 16_000;

    private final BufferedWriter results;
    private final ResultSeal seal;

    private ForkedRunner(BufferedWriter results, ResultSeal seal) {
        this.results = results;
        this.seal = seal;
    }

    public static void main(String[] args) throws IOException {
        Path resultsFile = Path.of(args[0]);
        long deadlineMillis = Long.parseLong(args[1]);
        Set<String> onlyMethods = Set.copyOf(Arrays.asList(args).subList(2, args.length));
        // The seal's key and the tests come first on stdin, before any student code runs; then stdin is empty.
        DataInputStream stdin = new DataInputStream(new BufferedInputStream(System.in));
        ResultSeal seal = ResultSeal.fromHex(stdin.readUTF());
        TestClasses.Shipment tests = TestClasses.read(stdin);
        System.setIn(java.io.InputStream.nullInputStream());
        int status = 0;
        try (BufferedWriter out = Files.newBufferedWriter(resultsFile, StandardCharsets.UTF_8)) {
            ForkedRunner runner = new ForkedRunner(out, seal);
            runner.startWatchdog(deadlineMillis);
            List<Class<?>> testClasses = TestClasses.define(tests, ClassLoader.getSystemClassLoader());
            runner.run(testClasses, onlyMethods);
            runner.write(RunEvent.done());
        } catch (Throwable t) {
            // Reported by the grader as a crash with the output; nothing more useful can be done here.
            t.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        endChildren();
        Runtime.getRuntime().halt(status);
    }

    /**
     * Processes the student's code started die with this JVM: once it halts they would be orphans the
     * grader can no longer find by ancestry. A few sweeps catch children started during the previous one.
     */
    static void endChildren() {
        for (int sweep = 0; sweep < 3; sweep++) {
            List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
            if (children.isEmpty()) {
                return;
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * The classes JUnit would find scanning a class-path root of these classes: the standard test-class
     * name pattern, any nesting (Jupiter itself then skips what holds no tests).
     */
    static List<DiscoverySelector> selectors(List<Class<?>> testClasses) {
        Pattern standard = Pattern.compile(ClassNameFilter.STANDARD_INCLUDE_PATTERN);
        return testClasses.stream().filter(c -> standard.matcher(c.getName()).matches())
                .map(DiscoverySelectors::selectClass).map(DiscoverySelector.class::cast).toList();
    }

    private void run(List<Class<?>> testClasses, Set<String> onlyMethods) {
        double scale = kitchen.grading.TimeScale.factor();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors(testClasses))
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.timeout.default",
                        Math.round(TEST_TIMEOUT_SECONDS * scale) + "s")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        if (!onlyMethods.isEmpty()) {
            request.filters((PostDiscoveryFilter) descriptor -> descriptor.getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(s -> onlyMethods.contains(((MethodSource) s).getMethodName())
                            ? FilterResult.included("selected") : FilterResult.excluded("not selected"))
                    .orElse(FilterResult.included("container")));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, new Listener());
    }

    private final class Listener implements TestExecutionListener {
        private TestPlan plan;
        private final Map<String, Long> startedAt = new LinkedHashMap<>();

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                // Pictures drawn before this test (a passing test's eager timeline) are not this test's.
                Drawings.takeAll();
                startedAt.put(id.getUniqueId(), System.nanoTime());
                method(id).ifPresent(m -> write(RunEvent.started(m.getDeclaringClass().getName(), m.getName(),
                        id.getDisplayName(), points(m))));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                finished(id, RunEvent.Verdict.ERROR, "skipped: " + reason);
            } else {
                plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
                        .forEach(t -> finished(t, RunEvent.Verdict.ERROR, "skipped: " + reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                switch (result.getStatus()) {
                    case SUCCESSFUL -> finished(id, RunEvent.Verdict.PASSED, "");
                    // An assumption that does not hold means this machine cannot judge the test (one core
                    // for a multi-core check): the student keeps the points rather than pay for the machine.
                    case ABORTED -> finished(id, RunEvent.Verdict.PASSED, Lang.current().pick("not judged on this machine, "
                            + "points given: ", "não avaliado nesta máquina, pontos concedidos: ")
                            + result.getThrowable().map(Throwable::getMessage).orElse(""));
                    case FAILED -> {
                        Throwable t = result.getThrowable().orElse(null);
                        finished(id, t instanceof AssertionError ? RunEvent.Verdict.FAILED : RunEvent.Verdict.ERROR,
                                Failures.describe(t));
                    }
                }
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // A class that failed to set up (static initialiser, @BeforeAll): its tests never ran.
                String why = Failures.describe(result.getThrowable().orElse(null));
                plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
                        .filter(t -> !startedAt.containsKey(t.getUniqueId()))
                        .forEach(t -> finished(t, RunEvent.Verdict.ERROR, why));
            }
        }

        private void finished(TestIdentifier id, RunEvent.Verdict verdict, String message) {
            Long start = startedAt.get(id.getUniqueId());
            long ms = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
            String text = cap(message);
            List<Picture> pictures = verdict == RunEvent.Verdict.PASSED ? List.of()
                    : Picture.shownIn(text, Drawings.takeAll());
            method(id).ifPresent(m -> write(RunEvent.finished(m.getDeclaringClass().getName(), m.getName(),
                    id.getDisplayName(), verdict, points(m), text, ms, pictures)));
        }
    }

    private static Optional<Method> method(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getJavaMethod());
    }

    private static int points(Method m) {
        Points p = m.getAnnotation(Points.class);
        return p == null ? 0 : p.value();
    }

    private static String cap(String message) {
        return message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE) + "\n… (truncated)";
    }

    private synchronized void write(RunEvent event) {
        try {
            results.write(seal.seal(event.json()));
            results.newLine();
            results.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fires shortly before the grader's hard deadline, to report what was running and any deadlock while
     * this JVM can still tell, then halts. The grader's kill remains the backstop.
     */
    private void startWatchdog(long deadlineMillis) {
        Thread watchdog = Thread.ofPlatform().daemon().name("kitchen-watchdog").unstarted(() -> {
            try {
                Thread.sleep(Math.max(1_000, deadlineMillis - WATCHDOG_MARGIN_MILLIS));
            } catch (InterruptedException e) {
                return;
            }
            String deadlock = Deadlocks.describe();
            // No cycle to show (a class-initialisation deadlock, an endless loop): show where the code stood.
            write(deadlock.isBlank() ? RunEvent.deadline(Deadlocks.whereStuck(), false)
                    : RunEvent.deadline(deadlock, true));
            System.out.flush();
            endChildren();
            Runtime.getRuntime().halt(0);
        });
        watchdog.start();
    }

    static Lang lang() {
        return Lang.current();
    }

    /** Turns what a test threw into text for a student. */
    static final class Failures {
        private Failures() {
        }

        static String describe(Throwable t) {
            if (t == null) {
                return "";
            }
            if (t instanceof TimeoutException) {
                Lang lang = lang();
                String deadlock = Deadlocks.describe();
                String text = lang.pick("did not finish in time: ", "não terminou a tempo: ") + t.getMessage()
                        + (deadlock.isEmpty() ? lang.pick(
                                "\nhint: something waits forever: a lock never released, a join/get on work that never ends, or a loop that never stops",
                                "\ndica: algo espera para sempre: uma trava nunca liberada, um join/get de um trabalho que nunca termina, ou um laço que nunca para")
                                : "\n" + deadlock);
                return text;
            }
            if (t instanceof AssertionError) {
                String m = t.getMessage();
                return m == null ? t.toString() : m;
            }
            // An exception from the student's code (or the kit reacting to it): name it and where.
            StringBuilder out = new StringBuilder(lang().pick("your code threw ", "seu código lançou "))
                    .append(t);
            int shown = 0;
            for (StackTraceElement frame : t.getStackTrace()) {
                String cls = frame.getClassName();
                if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")
                        || cls.startsWith("org.junit.") || cls.startsWith("org.assertj.")) {
                    continue;
                }
                out.append("\n    at ").append(frame);
                if (++shown == 6) {
                    break;
                }
            }
            for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                out.append(lang().pick("\ncaused by: ", "\ncausado por: ")).append(c);
            }
            return out.toString();
        }
    }
}
