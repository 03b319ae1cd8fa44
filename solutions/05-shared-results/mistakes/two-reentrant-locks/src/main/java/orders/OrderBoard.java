package orders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/** Known mistake: one ReentrantLock for the list, another for the counter, taken one after the other. */
public class OrderBoard {

    private final Lock dishesLock = new ReentrantLock();
    private final Lock countLock = new ReentrantLock();
    private final List<Dish> dishes = new ArrayList<>();
    private int count;

    public void add(Dish dish) {
        dishesLock.lock();
        try {
            dishes.add(dish);
        } finally {
            dishesLock.unlock();
        }
        countLock.lock();
        try {
            count++;
        } finally {
            countLock.unlock();
        }
    }

    public int count() {
        countLock.lock();
        try {
            return count;
        } finally {
            countLock.unlock();
        }
    }

    public Snapshot snapshot() {
        dishesLock.lock();
        countLock.lock();
        try {
            return new Snapshot(count, List.copyOf(dishes));
        } finally {
            countLock.unlock();
            dishesLock.unlock();
        }
    }
}
