package orders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/**
 * Known mistake: count() counts the add calls that have returned, not the dishes on the board. Every
 * snapshot agrees with itself (its count is its copy's size), but count() lags the board by the adds under
 * way.
 */
public class OrderBoard {

    private final Object lock = new Object();
    private final List<Dish> dishes = new ArrayList<>();
    private final AtomicInteger returned = new AtomicInteger();

    public void add(Dish dish) {
        synchronized (lock) {
            dishes.add(dish);
        }
        returned.incrementAndGet();
    }

    public int count() {
        return returned.get();
    }

    public Snapshot snapshot() {
        synchronized (lock) {
            List<Dish> copy = List.copyOf(dishes);
            return new Snapshot(copy.size(), copy);
        }
    }
}
