package kitchen.breakfast;

import kitchen.grading.Lang;

/**
 * A cooked order. Only a {@link Griddle} makes plates, and each one is a distinct object numbered in the
 * order the griddle finished them, so a test can tell <em>which</em> plate came back, not just that one
 * did.
 */
public final class Plate {

    private final Order order;
    private final int number;

    Plate(Order order, int number) {
        this.order = order;
        this.number = number;
    }

    public Order order() {
        return order;
    }

    /** 1 for the griddle's first plate, 2 for its second… */
    public int number() {
        return number;
    }

    @Override
    public String toString() {
        return Lang.current().pick("plate #" + number + " (" + order.dish() + ")", "prato #" + number + " (\"" + order.dish() + "\")");
    }
}
