package kitchen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RendezvousTest {

    @Test
    void aMeetingOfTwoOpensWhenBothAreInsideAtOnce() throws Exception {
        Rendezvous meeting = new Rendezvous(2, Duration.ofSeconds(10));
        List<Boolean> seen = new ArrayList<>();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                boolean met = meeting.arriveAndAwait();
                synchronized (seen) {
                    seen.add(met);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        boolean met = meeting.arriveAndAwait();
        other.join(10_000);

        assertThat(met).isTrue();
        assertThat(seen).containsExactly(true);
        assertThat(meeting.met()).isTrue();
        assertThat(meeting.peak()).isEqualTo(2);
    }

    @Test
    void oneCallerAloneBreaksTheMeetingAfterTheTimeoutAndLaterCallersGoOnAtOnce() throws Exception {
        Rendezvous meeting = new Rendezvous(2, Duration.ofMillis(50));

        assertThat(meeting.arriveAndAwait()).isFalse();
        assertThat(meeting.broken()).isTrue();
        assertThat(meeting.arriveAndAwait()).as("a later caller does not wait").isFalse();
        assertThat(meeting.met()).isFalse();
    }

    /** Regression: arrive() answered "count is zero now", which two racing callers (and every late one) saw. */
    @Test
    void exactlyOneArrivalCompletesTheMeetingHoweverManyRace() throws Exception {
        for (int round = 0; round < 500; round++) {
            Rendezvous meeting = new Rendezvous(2, Duration.ofSeconds(10));
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger completed = new AtomicInteger();
            List<Thread> cooks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                cooks.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (meeting.arrive()) {
                        completed.incrementAndGet();
                    }
                }));
            }
            go.countDown();
            for (Thread cook : cooks) {
                cook.join(10_000);
            }
            assertThat(completed.get()).as("round %d: callers told they completed the meeting", round).isEqualTo(1);
            assertThat(meeting.met()).isTrue();
        }
    }
}
