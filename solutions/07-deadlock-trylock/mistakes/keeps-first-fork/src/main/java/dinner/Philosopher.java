package dinner;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kitchen.forks.Fork;
import kitchen.forks.Seat;

/** Known mistake: tryLock with a timeout and a back-off, but the first fork is never put down between tries. */
public class Philosopher {

    public void dine(Seat seat) throws InterruptedException {
        Fork left = seat.left();
        Fork right = seat.right();
        left.lock();
        try {
            while (!right.tryLock(seat.patience().toNanos(), TimeUnit.NANOSECONDS)) {
                seat.backOff(Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 20)));
            }
            try {
                seat.eat();
            } finally {
                right.unlock();
            }
        } finally {
            left.unlock();
        }
    }
}
