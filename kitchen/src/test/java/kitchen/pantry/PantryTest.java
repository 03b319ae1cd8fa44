package kitchen.pantry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PantryTest {

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void fetchWaitsTheLatencyAndRecordsWhoFetched() throws Exception {
        Pantry pantry = new Pantry(Duration.ofMillis(30));

        long start = System.nanoTime();
        String jar = callers.submit(() -> pantry.fetch("flour")).get();

        assertThat(jar).isEqualTo("a jar of flour");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(pantry.latency());
        Journal.Span span = pantry.journal().spans().getFirst();
        assertThat(span.what()).isEqualTo("fetch flour");
        assertThat(span.outcome()).isEqualTo("done");
        assertThat(span.worker().virtual()).isTrue();
        assertThat(pantry.crew().peak()).isEqualTo(1);
        assertThat(pantry.crew().working()).isZero();
    }

    @Test
    void nothingToFetchIsRefusedBeforeAnythingIsRecorded() {
        Pantry pantry = new Pantry(Duration.ZERO);

        assertThatIllegalArgumentException().isThrownBy(() -> pantry.fetch(null)).withMessageContaining("item");
        assertThatIllegalArgumentException().isThrownBy(() -> pantry.fetch(" "));
        assertThat(pantry.journal().spans()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new Pantry(Duration.ofMillis(-1)));
    }

    @Test
    void aGateOpensOnlyForFetchesWaitingTogether() throws Exception {
        Rendezvous together = new Rendezvous(2, Duration.ofSeconds(10));
        Pantry pantry = Pantry.gated(Duration.ZERO, together);

        Future<String> salt = callers.submit(() -> pantry.fetch("salt"));
        Future<String> sugar = callers.submit(() -> pantry.fetch("sugar"));

        assertThat(salt.get()).isEqualTo("a jar of salt");
        assertThat(sugar.get()).isEqualTo("a jar of sugar");
        assertThat(together.met()).isTrue();
        assertThat(pantry.crew().peak()).isEqualTo(2);
    }

    @Test
    void aLoneFetchBreaksTheGateAfterItsTimeoutAndStillGetsItsJar() throws Exception {
        Rendezvous together = new Rendezvous(2, Duration.ofMillis(50));
        Pantry pantry = Pantry.gated(Duration.ZERO, together);

        assertThat(pantry.fetch("salt")).isEqualTo("a jar of salt");
        assertThat(together.broken()).isTrue();
    }

    @Test
    void aHoldingPantryKeepsFetchesInsideUntilReleased() throws Exception {
        Pantry pantry = Pantry.holding(Duration.ZERO, Duration.ofSeconds(10));

        Future<String> salt = callers.submit(() -> pantry.fetch("salt"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pantry.crew().working() == 1);
        assertThat(salt).isNotDone();
        pantry.release();

        assertThat(salt.get()).isEqualTo("a jar of salt");
        assertThat(pantry.holdExpired()).isFalse();
        assertThat(pantry.fetch("sugar")).isEqualTo("a jar of sugar");
    }

    @Test
    void aHoldLetsGoByItselfAfterItsLimit() throws Exception {
        Pantry pantry = Pantry.holding(Duration.ZERO, Duration.ofMillis(20));

        assertThat(pantry.fetch("salt")).isEqualTo("a jar of salt");
        assertThat(pantry.holdExpired()).isTrue();
    }

    @Test
    void anInterruptedFetchEndsItsSpanAndLeavesTheCrew() {
        Pantry pantry = Pantry.holding(Duration.ZERO, Duration.ofSeconds(10));
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                pantry.fetch("salt");
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> pantry.crew().working() == 1);

        waiter.interrupt();

        assertThatThrownBy(() -> {
            throw failure.get();
        }).isInstanceOf(InterruptedException.class);
        assertThat(pantry.crew().working()).isZero();
        assertThat(pantry.journal().spans().getFirst().outcome()).isEqualTo("interrupted");
    }
}
