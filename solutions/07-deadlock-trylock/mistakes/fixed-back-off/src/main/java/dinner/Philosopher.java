package dinner;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kitchen.forks.Fork;
import kitchen.forks.Seat;

/** Known mistake: backs off for the same fixed time, for everyone, on every try. */
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
            seat.backOff(Duration.ofMillis(10));
        }
    }
}
