package orders;

import java.util.ArrayList;
import java.util.List;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: the lecture's results.append(i) as it is, with no GIL in Java to make cooks take turns. */
public class OrderBoard {

    private final List<Dish> dishes = new ArrayList<>();
    private int count;

    public void add(Dish dish) {
        dishes.add(dish);
        count++;
    }

    public int count() {
        return count;
    }

    public Snapshot snapshot() {
        return new Snapshot(count, List.copyOf(dishes));
    }
}
