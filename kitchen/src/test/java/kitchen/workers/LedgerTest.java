package kitchen.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs real worker processes: a handful of small JVMs in all. */
class LedgerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Ledger ledger;

    @BeforeEach
    void open() throws IOException {
        ledger = Ledger.open();
    }

    @AfterEach
    void close() {
        ledger.close();
        assertThat(ledger.dir()).doesNotExist();
    }

    @Test
    void aWorkerAnswersEveryRequestAndWritesItsPage() throws Exception {
        Process process = new ProcessBuilder(ledger.hashWorker().command().command())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int hashedHere = HashWorker.hashedHere();

        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        try (Writer in = process.outputWriter(StandardCharsets.US_ASCII)) {
            in.write(HashWorker.request(4, "Bla bla".getBytes(StandardCharsets.US_ASCII)) + "\n\n");
            in.write(HashWorker.request(9, new byte[0]) + "\n");
        }

        assertThat(out.readLine()).isEqualTo("ready " + process.pid());
        assertThat(out.readLine()).isEqualTo("digest 4 5428aa0d9d0e3444c63b3dd025ec285b5d330e433e95f29b3d394dcd9cb5e1a4");
        assertThat(out.readLine()).isEqualTo("digest 9 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(out.readLine()).isNull();
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        Ledger.Shift shift = ledger.shifts().getFirst();
        assertThat(shift.pid()).isEqualTo(process.pid());
        assertThat(shift.received()).containsExactly(4, 9);
        assertThat(shift.hashed()).containsExactly(4, 9);
        assertThat(shift.counter()).isEqualTo(2);
        assertThat(shift.exited()).isTrue();
        assertThat(shift.crashed()).isFalse();
        assertThat(ledger.pidsThatHashed()).containsExactly(process.pid());
        assertThat(ledger.stillAlive()).isEmpty();
        assertThat(HashWorker.hashedHere()).as("this JVM's own counter").isEqualTo(hashedHere);
        assertThat(ledger.picture()).contains("pid " + process.pid(), "received 4 9", "(its counter: 2)", "exited")
                .doesNotContain("STILL ALIVE");
    }

    @Test
    void workersMeetThenChatterIntoPipesNobodyReads() throws Exception {
        List<String> command = ledger.hashWorker().meetAtOnce(2, PATIENCE).chatter(1 << 20).command().command();
        List<Process> workers = List.of(new ProcessBuilder(command).start(), new ProcessBuilder(command).start());
        for (Process p : workers) {
            try (Writer in = p.outputWriter(StandardCharsets.US_ASCII)) {
                in.write(HashWorker.request(0, new byte[] {1}) + "\n");
            }
        }

        await().atMost(PATIENCE).until(() -> ledger.shifts().stream().filter(s -> s.chatteringOn() == 0).count() == 2);
        assertThat(ledger.shifts()).allSatisfy(s -> {
            assertThat(s.meeting()).isEqualTo("met");
            assertThat(s.stuckOnStderr(Duration.ZERO)).isTrue();
            assertThat(s.stuckOnStderr(PATIENCE)).isFalse();
        });
        List<Long> pids = workers.stream().map(Process::pid).toList();
        assertThat(ledger.stillAlive()).containsExactlyInAnyOrderElementsOf(pids);
        assertThat(ledger.picture()).contains("writing its stderr log for", "STILL ALIVE");

        assertThat(ledger.killLeftovers()).containsExactlyInAnyOrderElementsOf(pids);
        assertThat(ledger.stillAlive()).isEmpty();
    }

    @Test
    void theWorkerThatClaimsTheCrashExitsWithItsCode() throws Exception {
        Process worker = new ProcessBuilder(ledger.hashWorker().crashOnBlock(1, 86).command().command()).start();
        try (Writer in = worker.outputWriter(StandardCharsets.US_ASCII)) {
            in.write(HashWorker.request(5, new byte[] {1}) + "\n");
        }

        assertThat(worker.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isEqualTo(86);
        assertThat(new String(worker.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII))
                .contains("worker " + worker.pid() + " dropped its knife on block 5 and crashed with exit code 86");
        Ledger.Shift shift = ledger.shifts().getFirst();
        assertThat(shift.crashed()).isTrue();
        assertThat(shift.crashCode()).isEqualTo(86);
        assertThat(shift.received()).containsExactly(5);
        assertThat(shift.hashed()).isEmpty();
        assertThat(ledger.picture()).containsPattern("\\|[ =]*X *\\|").contains("crashed with exit code 86");
        assertThat(Ledger.claimCrash(ledger.dir())).as("a second claim").isFalse();
    }

    @Test
    void onlyTheFirstWorkerToGetABlockCrashesAndTheOthersHoldTheirBlocks() throws Exception {
        Ledger.Hiring hiring = ledger.hashWorker().crashOnBlock(2, 86).othersHold(Duration.ofMinutes(5));
        Process first = new ProcessBuilder(hiring.command().command()).start();
        Process second = new ProcessBuilder(hiring.command().command()).start();
        Writer toFirst = first.outputWriter(StandardCharsets.US_ASCII);
        toFirst.write(HashWorker.request(0, new byte[] {1}) + "\n");
        toFirst.flush();
        BufferedReader fromFirst = first.inputReader(StandardCharsets.US_ASCII);
        assertThat(fromFirst.readLine()).startsWith("ready");
        assertThat(fromFirst.readLine()).startsWith("digest 0 ");
        try (Writer toSecond = second.outputWriter(StandardCharsets.US_ASCII)) {
            toSecond.write(HashWorker.request(1, new byte[] {2}) + "\n");
        }
        await().atMost(PATIENCE).until(() -> ledger.shifts().stream().anyMatch(s -> s.held().contains(1)));
        toFirst.write(HashWorker.request(2, new byte[] {3}) + "\n");
        toFirst.close();

        assertThat(first.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(86);
        assertThat(second.isAlive()).as("the second worker still holds its block").isTrue();
        Ledger.Shift held = ledger.shifts().stream().filter(s -> s.pid() == second.pid()).findFirst().orElseThrow();
        assertThat(held.hashed()).isEmpty();
        assertThat(ledger.picture()).contains("held 1 without answering");
    }

    @Test
    void aMeetingNobodyComesToBreaksOnItsTimeoutAndAStalledWorkerIsKilled() throws Exception {
        Process alone = new ProcessBuilder(ledger.hashWorker().meetAtOnce(2, Duration.ofMillis(100))
                .stallEachBlock(Duration.ofMinutes(1)).command().command())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (Writer in = alone.outputWriter(StandardCharsets.US_ASCII)) {
            in.write(HashWorker.request(0, new byte[] {1}) + "\n");
        }

        await().atMost(PATIENCE).until(() -> ledger.shifts().stream().anyMatch(s -> s.meeting().equals("alone")));
        assertThat(Files.exists(ledger.dir().resolve("meeting-broken"))).isTrue();
        assertThat(ledger.shifts().getFirst().hashed()).as("stalled").isEmpty();

        assertThat(ledger.killLeftovers()).containsExactly(alone.pid());
        assertThat(alone.isAlive()).isFalse();
    }

    @Test
    void aPageWithoutAWholeLineIsAWorkerStartingUp() throws IOException {
        Files.writeString(ledger.dir().resolve("shift-4242.log"), "1700000000000 start\n1700000000005 got");
        Files.createFile(ledger.dir().resolve("shift-4343.log"));

        assertThat(ledger.shifts()).extracting(Ledger.Shift::pid).containsExactly(4242L, 4343L);
        Ledger.Shift halfWritten = ledger.shifts().getFirst();
        assertThat(halfWritten.received()).as("the half line is not read yet").isEmpty();
        assertThat(halfWritten.startedAt()).isEqualTo(1_700_000_000_000L);
        assertThat(ledger.shifts().get(1).startedAt()).as("an empty page: its file's time")
                .isGreaterThan(1_700_000_000_000L);
        assertThat(ledger.picture()).contains("pid 4242", "pid 4343", "received -");
    }

    @Test
    void anEmptyLedgerSaysSo() {
        assertThat(ledger.shifts()).isEmpty();
        assertThat(ledger.picture()).contains("no worker process started");
    }
}
