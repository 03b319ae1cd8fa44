package dinner;

import java.util.concurrent.TimeUnit;
import kitchen.forks.Fork;
import kitchen.forks.Seat;

/** Known mistake: tries again at once after a failed try: no back-off at all. */
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
        }
    }
}
