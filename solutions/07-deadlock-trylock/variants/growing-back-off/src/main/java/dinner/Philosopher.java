package dinner;

import java.time.Duration;
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

    /** The pause after the first failed try; every further failure doubles it. */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(1);
    /** Hungry philosophers should not doze off: the pause stops growing here. */
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(32);

    /**
     * Tasks 1, 2 and 3. Eats one meal at {@code seat}, on the calling thread, and returns.
     *
     * <ol>
     *   <li>Pick up {@link Seat#left()} first, then ask for {@link Seat#right()}, waiting for it at most
     *       {@link Seat#patience()}. Never wait for one fork without a time limit while you hold another.
     *       If the right fork does not come in time, put the left one down before anything else.</li>
     *   <li>Between a failed try and the next one, wait through {@link Seat#backOff(java.time.Duration)}
     *       (never {@code Thread.sleep}), for a time that is not the same for everyone on every try: random,
     *       or growing with each failed try. Then try again, until you eat.</li>
     *   <li>With both forks in hand, {@link Seat#eat()} once, then put both forks down; also when eating
     *       throws, and then let that exception reach the caller.</li>
     * </ol>
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    public void dine(Seat seat) throws InterruptedException {
        Fork left = seat.left();
        Fork right = seat.right();
        Duration pause = FIRST_PAUSE;
        while (true) {
            // Nothing is in my hand yet, so waiting for the left fork cannot close a cycle.
            left.lock();
            boolean ate;
            try {
                // Holding the left fork: never wait for the right one longer than my patience.
                ate = right.tryLock(seat.patience().toMillis(), TimeUnit.MILLISECONDS);
                if (ate) {
                    try {
                        seat.eat();
                    } finally {
                        // Even if the soup spills, the forks go back on the table (the exception goes on up).
                        right.unlock();
                    }
                }
            } finally {
                left.unlock();
            }
            if (ate) {
                return;
            }
            // The left fork is already down. Exponential back-off: each failure doubles the pause, so even
            // neighbours who failed together spread out more and more, and the livelock cannot last.
            seat.backOff(pause);
            pause = pause.multipliedBy(2);
            if (pause.compareTo(LONGEST_PAUSE) > 0) {
                pause = LONGEST_PAUSE;
            }
        }
    }
}
