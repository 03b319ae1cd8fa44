package dinner;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
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
        Fork left = seat.left();
        Fork right = seat.right();
        while (true) {
            left.lock();
            try {
                // tryLock() without a timeout does not wait at all, which is within any patience: if the right
                // fork is taken, I give up at once instead of holding the left one while I wait.
                if (right.tryLock()) {
                    try {
                        seat.eat();
                        return;
                    } finally {
                        right.unlock();
                    }
                }
            } finally {
                // Runs on every way out: after eating, after a spill, and before the back-off below.
                left.unlock();
            }
            // Without waiting inside tryLock, the back-off is the only pause between tries, so it must be there
            // every time, and random so that neighbours who failed together do not retry together.
            seat.backOff(Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 21)));
        }
    }
}
