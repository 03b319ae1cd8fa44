package kitchen.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kitchen.grader.Trees;
import kitchen.grader.kit.Kit;
import kitchen.grader.sandbox.Isolation;
import kitchen.grader.sandbox.Sandbox;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grading.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snoop in the fixture exercise (see {@code submissions/snoops}) tries every way out the threat model
 * names: the hidden tests' source and class files from disk and through the class loader, a reference
 * solution, a file in the grading user's home, a listener on 127.0.0.1 and one on another address of this
 * machine, attaching to its own JVM from a child process, rewriting the hidden tests, and leaving a
 * double-forked daemon. In a cell every try fails and both exercises are graded as usual; without one,
 * the tries the README says are not defended there succeed, and the report says no isolation held.
 */
class SandboxIT {

    private static final Path REPOSITORY = IsolationIT.FIXTURES.resolve("../../../..").normalize();

    private static ServerSocket listener;
    private static final AtomicInteger ACCEPTED = new AtomicInteger();
    private static Path homeSecret;

    @BeforeAll
    static void listenAndHide() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
        Thread.ofPlatform().daemon().name("snoop-listener").start(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    ACCEPTED.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        homeSecret = Path.of(System.getProperty("user.home"), ".kitchen-snoop-" + UUID.randomUUID());
        Files.writeString(homeSecret, "the grading user's secret\n");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        listener.close();
        Files.deleteIfExists(homeSecret);
        killDaemons();
    }

    @Test
    @DisplayName("in a cell (Linux, root): every try fails, both exercises are graded, the report says sandbox")
    void inACell(@TempDir Path temp) throws IOException {
        boolean cellsPossible = System.getProperty("os.name").equals("Linux")
                && "root".equals(System.getProperty("user.name"));
        assumeThat(cellsPossible).as("cells need Linux and root").isTrue();
        assertThat(Sandbox.probe().sandboxed()).as("on Linux as root a cell must open: %s",
                Sandbox.probe().detail()).isTrue();

        ACCEPTED.set(0);
        Grade grade = snoop(temp, Options.defaults(Lang.EN));
        ExerciseResult toast = grade.exercises().getFirst();
        Map<String, String> tries = tries(toast.output());

        assertThat(grade.isolation().level()).isEqualTo(Isolation.Level.SANDBOX);
        assertThat(tries).as("what the snoop tried").containsKeys("hidden-test-source", "hidden-test-class",
                "solution", "home-secret", "child-reads-tests", "child-reads-home", "loader-resource", "system-resource", "loader-folder",
                "connect-loopback", "attach", "rewrite-tests", "daemon");
        tries.forEach((what, outcome) -> assertThat(outcome).as(what)
                .satisfiesAnyOf(o -> assertThat(o).startsWith("blocked"), o -> assertThat(o).isEqualTo("started")));
        assertThat(ACCEPTED).as("connections that reached the grader's listener").hasValue(0);
        assertThat(toast.status()).as(toast.message()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(toast.tests()).as("the snoop's graded tests still ran").isNotEmpty();
        // The kernel ends the cell's processes as its first one dies: a busy machine may take a moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(daemons()).as("the double-forked daemon ended with its cell").isEmpty());
    }

    @Test
    @DisplayName("without a cell: what the README says is not defended there is not, and the report says so")
    void withoutACell(@TempDir Path temp) throws IOException {
        ACCEPTED.set(0);
        Grade grade = snoop(temp, Options.defaults(Lang.EN).withoutSandbox());
        ExerciseResult toast = grade.exercises().getFirst();
        Map<String, String> tries = tries(toast.output());
        killDaemons();

        assertThat(grade.isolation().level()).isEqualTo(Isolation.Level.NONE);
        for (String open : List.of("hidden-test-source", "hidden-test-class", "solution", "home-secret",
                "child-reads-tests", "child-reads-home", "connect-loopback", "rewrite-tests")) {
            assertThat(tries.get(open)).as(open).startsWith("GOT");
        }
        // Counted by the listener's own thread, which a busy machine may run a moment later.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ACCEPTED.get()).as("connections that reached the grader's listener").isPositive());
        // Defended everywhere: the tests never are on the class path, and no JVM of the grader's lets a
        // process attach to it.
        for (String closed : List.of("loader-resource", "system-resource", "loader-folder", "attach")) {
            assertThat(tries.get(closed)).as(closed).startsWith("blocked");
        }
        assertThat(toast.status()).as("the guard puts the rewritten test back and charges the snoop")
                .isEqualTo(ExerciseStatus.TAMPERED);
    }

    /** Grades the snoop, its targets written in, beside the correct 98-jam, in a copy of the fixture kit. */
    private static Grade snoop(Path temp, Options options) throws IOException {
        Path kitCopy = temp.resolve("kit");
        Trees.copy(IsolationIT.FIXTURES.resolve("fixture-kit"), kitCopy);
        Path submission = temp.resolve("snoops");
        Trees.copy(IsolationIT.FIXTURES.resolve("submissions/snoops"), submission);
        Path toaster = submission.resolve("exercises/99-toast/src/main/java/toast/Toaster.java");
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("@@HIDDEN_SOURCE@@",
                kitCopy.resolve("exercises/99-toast/src/grading/java/toast/ToasterGradingTest.java").toString());
        targets.put("@@SOLUTION@@",
                REPOSITORY.resolve("solutions/01-lazy-breakfast/src/main/java/breakfast/Cook.java")
                        .toString());
        targets.put("@@HOME_SECRET@@", homeSecret.toString());
        targets.put("@@PORT@@", String.valueOf(listener.getLocalPort()));
        targets.put("@@OTHER_ADDRESS@@", otherAddress());
        String source = Files.readString(toaster);
        for (Map.Entry<String, String> t : targets.entrySet()) {
            source = source.replace(t.getKey(), t.getValue().replace("\\", "\\\\"));
        }
        Files.writeString(toaster, source);
        assertThat(Path.of(targets.get("@@SOLUTION@@"))).as("a reference solution to aim at").isRegularFile();
        return IsolationIT.gradeIn(Kit.at(kitCopy), submission, options);
    }

    /** An address of this machine that is not loopback, or "" if it has none. */
    private static String otherAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(SandboxIT::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .map(InetAddress::getHostAddress).findFirst().orElse("");
    }

    private static boolean up(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> tries(String output) {
        Map<String, String> tries = new LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("SNOOP ")).forEach(l -> {
            String[] parts = l.split(" ", 3);
            tries.put(parts[1], parts.length > 2 ? parts[2] : "");
        });
        // In the build's log: what each try met, the figures the README's threat model quotes.
        tries.forEach((what, outcome) -> System.out.println("snoop " + what + ": " + outcome));
        return tries;
    }

    private static List<ProcessHandle> daemons() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().orElse("").contains("sleep 86417")).toList();
        }
    }

    private static void killDaemons() {
        daemons().forEach(ProcessHandle::destroyForcibly);
    }
}
