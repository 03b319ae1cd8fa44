package kitchen.results;

import kitchen.grading.Lang;

/**
 * A finished dish, as a cook posts it on an order board: which cook made it, and that cook's own running
 * number for it ({@code new Dish(2, 17)} is cook 2's dish #17). Two dishes are equal when both numbers are.
 */
public record Dish(int cook, int number) {

    @Override
    public String toString() {
        return Lang.current().pick("cook ", "cozinheiro ") + cook + " #" + number;
    }
}
