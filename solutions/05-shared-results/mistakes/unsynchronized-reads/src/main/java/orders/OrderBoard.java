package orders;

import java.util.ArrayList;
import java.util.List;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: synchronized writes, unsynchronized reads; the snapshot iterates the live list. */
public class OrderBoard {

    private final List<Dish> dishes = new ArrayList<>();
    private int count;

    public synchronized void add(Dish dish) {
        dishes.add(dish);
        count++;
    }

    public int count() {
        return count;
    }

    public Snapshot snapshot() {
        return new Snapshot(count, dishes.stream().toList());
    }
}
