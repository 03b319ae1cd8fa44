package orders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: the list under a lock, the counter an atomic bumped after the lock is let go. */
public class OrderBoard {

    private final Object lock = new Object();
    private final List<Dish> dishes = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    public void add(Dish dish) {
        synchronized (lock) {
            dishes.add(dish);
        }
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }

    public Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(count.get(), List.copyOf(dishes));
        }
    }
}
