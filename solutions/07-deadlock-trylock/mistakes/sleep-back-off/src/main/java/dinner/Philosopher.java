package dinner;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kitchen.forks.Fork;
import kitchen.forks.Seat;

/** Known mistake: waits between tries with Thread.sleep, which the kitchen does not see. */
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
            } finally {
                left.unlock();
            }
            Thread.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 20)));
        }
    }
}
