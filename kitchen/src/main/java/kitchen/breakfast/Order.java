package kitchen.breakfast;

/**
 * What a diner asked for, e.g. {@code new Order("eggs")}. Only a {@link Griddle} turns it into a
 * {@link Plate}.
 *
 * @param dish what to fry, in a few words ("eggs", "bacon")
 */
public record Order(String dish) {

    public Order {
        if (dish == null || dish.isBlank()) {
            throw new IllegalArgumentException("an order needs a dish, e.g. new Order(\"eggs\")");
        }
    }
}
