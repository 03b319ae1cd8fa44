package kitchen.breakfast;

/** The cooking went wrong: what a {@link Griddle} made to fail throws. */
public final class Burnt extends RuntimeException {

    public Burnt(Order order) {
        super("the " + order.dish() + " got burnt");
    }
}
