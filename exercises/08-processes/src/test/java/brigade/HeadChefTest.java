package brigade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import kitchen.grading.TimeScale;
import kitchen.onions.Onions;
import kitchen.workers.Ledger;
import kitchen.workers.WorkerCrashed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Public checks, worth no points: run them with {@code ./mvnw -pl exercises/08-processes test}. Each one
 * starts two small worker JVMs; the ledger kills whatever is left of them afterwards.
 */
class HeadChefTest {

    private static final Duration LIMIT = TimeScale.millis(20_000);

    private Ledger ledger;
    private HashAllCall call;

    @BeforeEach
    void openLedger() throws IOException {
        ledger = Ledger.open();
    }

    @AfterEach
    void killLeftovers() {
        if (call != null) {
            call.interrupt();
        }
        ledger.close();
    }

    @Test
    @Tag("task:1")
    @DisplayName("worker processes hash every block, and the digests come back in order")
    void workerProcessesHashEveryBlock() {
        List<byte[]> blocks = Onions.bag(3, 1_000);

        call = HashAllCall.start(ledger.hashWorker().command(), 2, blocks);

        assertThat(call.awaitEnd(LIMIT)).as("hashAll ended within %s s", HashAllCall.seconds(LIMIT)).isTrue();
        assertThat(call.failure()).as("what hashAll threw").isNull();
        assertThat(call.digests()).as("the digests").isEqualTo(HashAllCall.expected(blocks));
        assertThat(ledger.pidsThatHashed()).as("the worker processes that hashed blocks\n%s", ledger.picture())
                .isNotEmpty()
                .doesNotContain(ProcessHandle.current().pid());
    }

    @Test
    @Tag("task:5")
    @DisplayName("a worker that crashes makes hashAll throw a WorkerCrashed with its exit code")
    void aCrashedWorkerFailsTheCall() {
        call = HashAllCall.start(ledger.hashWorker().crashOnBlock(1, 86).command(), 1, Onions.bag(2, 1_000));

        assertThat(call.awaitEnd(LIMIT)).as("hashAll ended within %s s\n%s", HashAllCall.seconds(LIMIT),
                ledger.picture()).isTrue();
        assertThat(call.crash()).as("the WorkerCrashed hashAll threw (%s)", call.outcome()).isPresent()
                .get().extracting(WorkerCrashed::exitCode).isEqualTo(86);
    }
}
