package orders;

import java.util.ArrayList;
import java.util.List;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: a lock nobody else can ever hold is no lock. */
public class OrderBoard {

    private final List<Dish> dishes = new ArrayList<>();
    private int count;

    public void add(Dish dish) {
        synchronized (new Object()) {
            dishes.add(dish);
            count++;
        }
    }

    public int count() {
        synchronized (new Object()) {
            return count;
        }
    }

    public Snapshot snapshot() {
        synchronized (new Object()) {
            return new Snapshot(count, List.copyOf(dishes));
        }
    }
}
