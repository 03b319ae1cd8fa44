package dinner;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kitchen.forks.Fork;
import kitchen.forks.Seat;

/**
 * Known mistake: gives up on the right fork after his patience and puts the left one down before the next
 * try, but only after the back-off: his neighbour waits for the left fork through the whole pause.
 */
public class Philosopher {

    public void dine(Seat seat) throws InterruptedException {
        Fork left = seat.left();
        Fork right = seat.right();
        while (true) {
            left.lock();
            try {
                if (right.tryLock(seat.patience().toNanos(), TimeUnit.NANOSECONDS)) {
                    try {
                        seat.eat();
                        return;
                    } finally {
                        right.unlock();
                    }
                }
                seat.backOff(Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 20)));
            } finally {
                left.unlock();
            }
        }
    }
}
