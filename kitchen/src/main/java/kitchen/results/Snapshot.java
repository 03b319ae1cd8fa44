package kitchen.results;

import java.util.List;

/**
 * What an order board showed at one instant: how many dishes it had counted, and the dishes themselves.
 *
 * <p>A true snapshot agrees with itself ({@code count == dishes.size()}), holds exactly the dishes that
 * were on the board at that instant, and never changes afterwards, whatever the cooks add later; its list
 * cannot be changed by whoever reads it. This record keeps the list it is given as it is, without copying
 * it: taking the copy, at the right moment, is the board's job.
 *
 * @param count  the board's count at that instant
 * @param dishes the dishes on the board at that instant
 */
public record Snapshot(int count, List<Dish> dishes) {
}
