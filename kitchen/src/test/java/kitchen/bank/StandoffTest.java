package kitchen.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import kitchen.locks.WaitFor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Threads here may be left deadlocked on purpose: they are daemons (or virtual) and lock only their own accounts. */
class StandoffTest {

    private static final Duration LONG = Duration.ofSeconds(20);

    private final Bank bank = new Bank();
    private final Account a = bank.open("Ana", 0);
    private final Account b = bank.open("Bruno", 0);
    private final CountDownLatch done = new CountDownLatch(2);

    private Thread locking(String name, boolean virtual, Runnable before, Account first, Account second) {
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        return builder.name(name).unstarted(() -> {
            before.run();
            first.lock().lock();
            try {
                second.lock().lock();
                second.lock().unlock();
            } finally {
                first.lock().unlock();
            }
            done.countDown();
        });
    }

    private Thread locking(String name, boolean virtual, Account first, Account second) {
        return locking(name, virtual, () -> {
        }, first, second);
    }

    private static void start(Thread... threads) {
        for (Thread t : threads) {
            t.start();
        }
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void oppositeOrdersDeadlockEveryTime(boolean virtual) {
        for (int round = 0; round < 20; round++) {
            Account x = bank.open("Xavier", 0);
            Account y = bank.open("Yara", 0);
            String ab = "x-then-y " + virtual + " " + round;
            String ba = "y-then-x " + virtual + " " + round;
            Thread t1 = locking(ab, virtual, x, y);
            Thread t2 = locking(ba, virtual, y, x);
            bank.forcing(new Standoff(t1, t2, LONG));
            start(t1, t2);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> WaitFor.cycles().stream()
                    .anyMatch(c -> c.contains("\"" + ab + "\" holds " + x + " and waits for " + y)
                            && c.contains("\"" + ba + "\" holds " + y + " and waits for " + x)));
        }
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void oneOrderIsNeverHeldUp(boolean virtual) throws InterruptedException {
        Thread t1 = locking("a-then-b", virtual, a, b);
        Thread t2 = locking("also-a-then-b", virtual, a, b);
        bank.forcing(new Standoff(t1, t2, LONG));
        start(t1, t2);

        assertThat(done.await(LONG.toSeconds() / 4, TimeUnit.SECONDS)).as("both finished long before the pause ran out")
                .isTrue();
    }

    @Test
    void aPartnerBlockedOutsideTheKitchenEndsThePauseAfterATenth() throws InterruptedException {
        ReentrantLock ownLock = new ReentrantLock();
        CountDownLatch ownLockTaken = new CountDownLatch(1);
        Thread t1 = locking("own-lock-then-a", false, () -> {
            ownLock.lock();
            ownLockTaken.countDown();
        }, a, b);
        Thread t2 = locking("waits-for-own-lock", false, () -> {
            try {
                ownLockTaken.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ownLock.lock();
        }, b, a);
        bank.forcing(new Standoff(t1, t2, Duration.ofSeconds(2)));
        long start = System.nanoTime();
        start(t1, t2);

        await().atMost(Duration.ofSeconds(10)).until(() -> done.getCount() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void aPartnerThatHasEndedOrNeverComesEndsThePause() throws InterruptedException {
        Thread ended = Thread.ofPlatform().start(() -> {
        });
        ended.join();
        Thread t1 = locking("partner-ended", false, a, b);
        bank.forcing(new Standoff(t1, ended, LONG));
        t1.start();
        assertThat(t1.join(Duration.ofSeconds(5))).as("done at once").isTrue();

        Thread t2 = locking("partner-never-started", false, a, b);
        bank.forcing(new Standoff(t2, Thread.ofPlatform().unstarted(() -> {
        }), Duration.ofMillis(300)));
        t2.start();
        assertThat(t2.join(Duration.ofSeconds(5))).as("done after the pause ran out").isTrue();
    }

    @Test
    void threadsOutsideTheStandoffAreNeverPaused() throws InterruptedException {
        Thread never = Thread.ofPlatform().unstarted(() -> {
        });
        bank.forcing(new Standoff(never, Thread.ofPlatform().unstarted(() -> {
        }), LONG));
        Thread outsider = locking("outsider", false, a, b);
        outsider.start();
        assertThat(outsider.join(Duration.ofSeconds(5))).isTrue();

        assertThatIllegalArgumentException().isThrownBy(() -> new Standoff(never, never, LONG));
    }
}
