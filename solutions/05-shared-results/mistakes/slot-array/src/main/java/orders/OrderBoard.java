package orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Lock-free: each cook claims a slot with getAndIncrement, then writes its dish there. */
public class OrderBoard {

    private static final int CAPACITY = 1 << 21;

    private final Dish[] slots = new Dish[CAPACITY];
    private final AtomicInteger next = new AtomicInteger();

    public void add(Dish dish) {
        int slot = next.getAndIncrement();
        slots[slot] = dish;
    }

    public int count() {
        return next.get();
    }

    public Snapshot snapshot() {
        int n = next.get();
        List<Dish> copy = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            copy.add(slots[i]);
        }
        return new Snapshot(n, Collections.unmodifiableList(copy));
    }
}
