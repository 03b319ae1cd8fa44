package kitchen.pantry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class CrewTest {

    private final Crew crew = new Crew();

    @Test
    void countsWhoIsInsideAndTheMostAtOnce() {
        crew.clockIn();
        crew.clockIn();
        crew.clockOut();
        crew.clockIn();

        assertThat(crew.working()).isEqualTo(2);
        assertThat(crew.peak()).isEqualTo(2);
    }

    @Test
    void remembersItsThreadsUntilTheyEnd() throws InterruptedException {
        CountDownLatch leave = new CountDownLatch(1);
        Thread cook = Thread.ofPlatform().name("cook").start(() -> {
            crew.clockIn();
            crew.clockOut();
            try {
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> crew.peak() == 1);

        assertThat(crew.stillAlive()).containsExactly(cook);
        leave.countDown();
        cook.join();
        assertThat(crew.stillAlive()).isEmpty();
    }

    @Test
    void leavesTheCommonPoolOut() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        // execute, not submit-and-join: a joining caller may run the task itself.
        ForkJoinPool.commonPool().execute(() -> {
            crew.clockIn();
            crew.clockOut();
            done.countDown();
        });
        done.await();

        assertThat(crew.peak()).isEqualTo(1);
        assertThat(crew.stillAlive()).isEmpty();
    }
}
