package dinner;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kitchen.forks.Fork;
import kitchen.forks.Seat;

/**
 * A philosopher at the dinner table: to eat he needs the fork on his left and the fork on his right, and
 * his neighbours need them too. This is the lecture's deadlock with plates: two threads that take
 * {@code lock_a} then {@code lock_b}, and {@code lock_b} then {@code lock_a}, hang forever once each holds
 * its first lock. The fix practised here keeps that order and changes the second wait: wait a bounded time,
 * and if the fork does not come, put the first one down, back off, and try again.
 */
public class Philosopher {

    private static final Duration SHORT_PAUSE = Duration.ofMillis(5);
    private static final Duration LONG_PAUSE = Duration.ofMillis(15);

    /**
     * Tasks 1, 2 and 3. Eats one meal at {@code seat}, on the calling thread, and returns.
     *
     * <ol>
     *   <li>Pick up {@link Seat#left()} first, then ask for {@link Seat#right()}, waiting for it at most
     *       {@link Seat#patience()} (a {@code tryLock()} that does not wait at all is within it too). Never
     *       wait for one fork without a time limit while you hold another. If the right fork does not come in
     *       time, put the left one down before anything else, the back-off included.</li>
     *   <li>Between a failed try and the next one, wait through {@link Seat#backOff(java.time.Duration)}
     *       (never {@code Thread.sleep}), for a pause each philosopher draws at random for himself, so that it
     *       is not the same for everyone. It may also grow with each failed try, but growing alone is not
     *       enough: a schedule that is the same for everyone brings neighbours back together. Then try again,
     *       until you eat.</li>
     *   <li>With both forks in hand, {@link Seat#eat()} once, then put both forks down; also when eating
     *       throws, and then let that exception reach the caller.</li>
     * </ol>
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    public void dine(Seat seat) throws InterruptedException {
        while (!tryToEat(seat)) {
            // A coin toss per philosopher and per try: two neighbours who failed together come back at
            // different moments half of the time, so sooner or later one of them gets both forks.
            seat.backOff(ThreadLocalRandom.current().nextBoolean() ? SHORT_PAUSE : LONG_PAUSE);
        }
    }

    /**
     * One try: left fork, then the right one within my patience, then eat. Returns false, with both forks
     * back on the table, when the right fork did not come.
     */
    private static boolean tryToEat(Seat seat) throws InterruptedException {
        Fork left = seat.left();
        Fork right = seat.right();
        left.lock();
        try {
            if (!right.tryLock(seat.patience().toNanos(), TimeUnit.NANOSECONDS)) {
                // The finally below puts the left fork down before the caller backs off.
                return false;
            }
            try {
                seat.eat();
                return true;
            } finally {
                right.unlock();
            }
        } finally {
            left.unlock();
        }
    }
}
