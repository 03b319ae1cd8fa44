package orders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/**
 * The kitchen's order board: every cook posts each dish they finish here, and the waiters read it. It is
 * Java's version of the lecture's shared {@code results.append(i)}, with a counter beside the list. Many
 * cooks (threads) call {@link #add} at the same instant, on several cores, and Java has no GIL to make
 * them take turns.
 *
 * <p>The contract the graded tests check:
 * <ol>
 *   <li>However many cooks add at the same instant, every add is counted by {@link #count()} and every
 *       dish is kept on the board exactly once. {@code count()} is how many dishes are on the board at the
 *       instant it is called: an add that has returned is always counted, and one still under way is counted
 *       from the very instant its dish is on the board, never before, never after.</li>
 *   <li>A {@link #snapshot()} taken while cooks are adding never fails, agrees with itself (its count is its
 *       number of dishes, and those are exactly the dishes that were on the board at one instant), and
 *       never changes afterwards; nobody can change its list. It agrees with {@code count()} too: a
 *       {@code count()} just before it says no more than its count, one just after no less.</li>
 * </ol>
 */
public class OrderBoard {

    /**
     * One lock guards the list and the count together. Adds change both, so they take the write lock: one
     * cook at a time. count() and snapshot() only read, so they take the read lock: many waiters may read
     * at once, but never while a cook is half-way through an add.
     */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Dish> dishes = new ArrayList<>();
    private int count;

    /**
     * Task 1. Posts a dish on the board. Many cooks call this at the same instant.
     *
     * @param dish the finished dish
     */
    public void add(Dish dish) {
        lock.writeLock().lock();
        try {
            dishes.add(dish);
            count++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Task 1. How many dishes are on the board at this instant.
     *
     * @return the number of dishes on the board: every {@link #add} that has returned, and an add still under
     *         way from the instant its dish is on the board
     */
    public int count() {
        // Even a single int read needs the lock: without it, nothing guarantees we see the cooks' writes.
        lock.readLock().lock();
        try {
            return count;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Task 2. What the board shows at this instant: the count and the dishes, which must agree, in a copy
     * that later adds do not change and that nobody can change. Safe to call while cooks are adding.
     *
     * @return the board's count and dishes at one instant
     */
    public Snapshot snapshot() {
        lock.readLock().lock();
        try {
            // Under the read lock no add is in progress, so the count and the list agree; List.copyOf makes
            // an unmodifiable copy that later adds cannot change.
            return new Snapshot(count, List.copyOf(dishes));
        } finally {
            lock.readLock().unlock();
        }
    }
}
