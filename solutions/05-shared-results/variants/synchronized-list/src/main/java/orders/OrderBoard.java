package orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
     * The list is the whole board: no separate counter, so there are no two things that could disagree.
     * A synchronized list makes each of its calls one step under its own lock (the list itself), and a
     * snapshot takes that same lock around the copy.
     */
    private final List<Dish> dishes = Collections.synchronizedList(new ArrayList<>());

    /**
     * Task 1. Posts a dish on the board. Many cooks call this at the same instant.
     *
     * @param dish the finished dish
     */
    public void add(Dish dish) {
        // synchronizedList.add holds the list's lock for the whole read-size, store, write-size.
        dishes.add(dish);
    }

    /**
     * Task 1. How many dishes are on the board at this instant.
     *
     * @return the number of dishes on the board: every {@link #add} that has returned, and an add still under
     *         way from the instant its dish is on the board
     */
    public int count() {
        // Every add made the list one longer, under the same lock this size() takes.
        return dishes.size();
    }

    /**
     * Task 2. What the board shows at this instant: the count and the dishes, which must agree, in a copy
     * that later adds do not change and that nobody can change. Safe to call while cooks are adding.
     *
     * @return the board's count and dishes at one instant
     */
    public Snapshot snapshot() {
        // Copying walks the list: hold the list's own lock meanwhile, as the synchronizedList javadoc asks,
        // so no cook can add in the middle. The count is taken from the copy, so it always agrees with it.
        synchronized (dishes) {
            List<Dish> copy = List.copyOf(dishes);
            return new Snapshot(copy.size(), copy);
        }
    }
}
