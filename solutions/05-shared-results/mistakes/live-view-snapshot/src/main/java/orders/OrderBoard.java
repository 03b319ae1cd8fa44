package orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: an unmodifiable view is not a copy; it shows the live list. */
public class OrderBoard {

    private final List<Dish> dishes = new ArrayList<>();
    private int count;

    public synchronized void add(Dish dish) {
        dishes.add(dish);
        count++;
    }

    public synchronized int count() {
        return count;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(count, Collections.unmodifiableList(dishes));
    }
}
