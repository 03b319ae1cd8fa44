package orders;

import java.util.ArrayList;
import java.util.List;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: an add in two critical sections, one after the other, is two steps, not one. */
public class OrderBoard {

    private final Object dishesLock = new Object();
    private final Object countLock = new Object();
    private final List<Dish> dishes = new ArrayList<>();
    private int count;

    public void add(Dish dish) {
        synchronized (dishesLock) {
            dishes.add(dish);
        }
        // Here the dish is on the board and not counted yet, and nobody holds a lock.
        synchronized (countLock) {
            count++;
        }
    }

    public int count() {
        synchronized (countLock) {
            return count;
        }
    }

    public Snapshot snapshot() {
        synchronized (dishesLock) {
            synchronized (countLock) {
                return new Snapshot(count, List.copyOf(dishes));
            }
        }
    }
}
