package orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: volatile makes the counter visible, not count++ indivisible. */
public class OrderBoard {

    private final List<Dish> dishes = Collections.synchronizedList(new ArrayList<>());
    private volatile int count;

    public void add(Dish dish) {
        dishes.add(dish);
        count++;
    }

    public int count() {
        return count;
    }

    public Snapshot snapshot() {
        synchronized (dishes) {
            return new Snapshot(count, List.copyOf(dishes));
        }
    }
}
