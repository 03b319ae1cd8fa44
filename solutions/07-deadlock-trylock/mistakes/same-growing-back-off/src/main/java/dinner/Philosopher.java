package dinner;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kitchen.forks.Fork;
import kitchen.forks.Seat;

/**
 * Known mistake: an exponential back-off with no randomness. It grows with each failed try, but every
 * philosopher follows the same 1, 2, 4 … ms, so two who failed together also come back together.
 */
public class Philosopher {

    /** The pause after the first failed try; every further failure doubles it. */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(1);
    /** Hungry philosophers should not doze off: the pause stops growing here. */
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(32);

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
            // The same doubling schedule for everyone: it spaces the tries out, but never apart.
            seat.backOff(pause);
            pause = pause.multipliedBy(2);
            if (pause.compareTo(LONGEST_PAUSE) > 0) {
                pause = LONGEST_PAUSE;
            }
        }
    }
}
