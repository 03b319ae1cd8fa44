package dinner;

import kitchen.forks.Fork;
import kitchen.forks.Seat;

/** Known mistake: the second fork is taken with lock(), which waits for ever while the first is in hand. */
public class Philosopher {

    public void dine(Seat seat) throws InterruptedException {
        Fork left = seat.left();
        Fork right = seat.right();
        left.lock();
        try {
            right.lock();
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
