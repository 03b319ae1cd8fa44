package orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: two thread-safe halves do not make a thread-safe whole. */
public class OrderBoard {

    private final List<Dish> dishes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger count = new AtomicInteger();

    public void add(Dish dish) {
        dishes.add(dish);
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }

    public Snapshot snapshot() {
        return new Snapshot(count.get(), List.copyOf(dishes));
    }
}
