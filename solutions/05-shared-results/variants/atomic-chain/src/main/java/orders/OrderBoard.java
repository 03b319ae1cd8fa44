package orders;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
     * One posting on the board: a dish, how many dishes the board holds with it, and the posting before it.
     * A posting never changes once made, so whoever holds one holds a whole, fixed board.
     */
    private record Posted(Dish dish, int count, Posted before) {
    }

    /** The latest posting, or null for an empty board: the board's whole state in one reference. */
    private final AtomicReference<Posted> last = new AtomicReference<>();

    /**
     * Task 1. Posts a dish on the board. Many cooks call this at the same instant.
     *
     * @param dish the finished dish
     */
    public void add(Dish dish) {
        // No lock: build the next board on top of the one we saw and swap it in only if nobody else swapped
        // first. If another cook did, compareAndSet fails and we retry on top of theirs, so no add is lost.
        Posted seen;
        Posted next;
        do {
            seen = last.get();
            next = new Posted(dish, seen == null ? 1 : seen.count() + 1, seen);
        } while (!last.compareAndSet(seen, next));
    }

    /**
     * Task 1. How many dishes are on the board at this instant.
     *
     * @return the number of dishes on the board: every {@link #add} that has returned, and an add still under
     *         way from the instant its dish is on the board
     */
    public int count() {
        Posted now = last.get();
        return now == null ? 0 : now.count();
    }

    /**
     * Task 2. What the board shows at this instant: the count and the dishes, which must agree, in a copy
     * that later adds do not change and that nobody can change. Safe to call while cooks are adding.
     *
     * @return the board's count and dishes at one instant
     */
    public Snapshot snapshot() {
        // One read of the reference gives one instant of the board: the postings it reaches never change,
        // so walking them while cooks add on top is safe, and the count comes with the same posting.
        Posted now = last.get();
        if (now == null) {
            return new Snapshot(0, List.of());
        }
        Dish[] dishes = new Dish[now.count()];
        for (Posted p = now; p != null; p = p.before()) {
            dishes[p.count() - 1] = p.dish();
        }
        // List.of copies the array into a list nobody can change.
        return new Snapshot(now.count(), List.of(dishes));
    }
}
