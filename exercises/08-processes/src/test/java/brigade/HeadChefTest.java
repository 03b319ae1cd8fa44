package brigade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import kitchen.grading.Feedback;
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

        assertThat(call.awaitEnd(LIMIT)).withFailMessage(Feedback
                        .observed("hashAll had not ended after %s s", "hashAll não tinha terminado depois de %s s",
                                HashAllCall.seconds(LIMIT))
                        .expected("hashAll returns the 3 digests", "hashAll devolve os 3 digests")
                        .picture(ledger::picture))
                .isTrue();
        assertThat(call.failure()).withFailMessage(() -> Feedback
                        .observed("hashAll %s", "hashAll %s", call.outcome())
                        .expected("hashAll returns the 3 digests", "hashAll devolve os 3 digests")
                        .picture(ledger::picture).get())
                .isNull();
        assertThat(call.digests()).withFailMessage(() -> Feedback
                        .observed("hashAll returned %s", "hashAll devolveu %s", call.digests())
                        .expected("the SHA-256 of each block, in input order: %s",
                                "o SHA-256 de cada bloco, na ordem da entrada: %s", HashAllCall.expected(blocks)).get())
                .isEqualTo(HashAllCall.expected(blocks));
        assertThat(ledger.pidsThatHashed()).withFailMessage(() -> (ledger.pidsThatHashed().isEmpty()
                        ? Feedback.observed("no worker process hashed a block", "nenhum processo trabalhador processou "
                                + "um bloco")
                        : Feedback.observed("the blocks were hashed by the processes %s",
                                "os blocos foram processados pelos processos %s", ledger.pidsThatHashed()))
                        .expected("worker processes, none of them this JVM (pid %d)",
                                "processos trabalhadores, nenhum deles esta JVM (pid %d)", ProcessHandle.current().pid())
                        .hint("see task 1 of the README", "veja a tarefa 1 do README")
                        .picture(ledger::picture).get())
                .isNotEmpty()
                .doesNotContain(ProcessHandle.current().pid());
    }

    @Test
    @Tag("task:5")
    @DisplayName("a worker that crashes makes hashAll throw a WorkerCrashed with its exit code")
    void aCrashedWorkerFailsTheCall() {
        call = HashAllCall.start(ledger.hashWorker().crashOnBlock(1, 86).command(), 1, Onions.bag(2, 1_000));

        assertThat(call.awaitEnd(LIMIT)).withFailMessage(Feedback
                        .observed("hashAll had not ended after %s s", "hashAll não tinha terminado depois de %s s",
                                HashAllCall.seconds(LIMIT))
                        .expected("hashAll fails with a WorkerCrashed once the worker crashes",
                                "hashAll falha com um WorkerCrashed assim que o trabalhador quebra")
                        .hint("see task 5 of the README", "veja a tarefa 5 do README")
                        .picture(ledger::picture))
                .isTrue();
        assertThat(call.crash().map(WorkerCrashed::exitCode)).withFailMessage(() -> Feedback
                        .observed("hashAll %s", "hashAll %s", call.outcome())
                        .expected("hashAll throws a WorkerCrashed with the worker's exit code, 86",
                                "hashAll lança um WorkerCrashed com o código de saída do trabalhador, 86")
                        .hint("see task 5 of the README", "veja a tarefa 5 do README")
                        .picture(ledger::picture).get())
                .contains(86);
    }
}
