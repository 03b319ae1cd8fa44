package dinner;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kitchen.forks.Fork;
import kitchen.forks.Seat;

/** Known mistake: right tryLock and back-off, but the forks are put down without finally. */
public class Philosopher {

    public void dine(Seat seat) throws InterruptedException {
        Fork left = seat.left();
        Fork right = seat.right();
        while (true) {
            left.lock();
            if (right.tryLock(seat.patience().toNanos(), TimeUnit.NANOSECONDS)) {
                seat.eat();
                right.unlock();
                left.unlock();
                return;
            }
            left.unlock();
            seat.backOff(Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 20)));
        }
    }
}
