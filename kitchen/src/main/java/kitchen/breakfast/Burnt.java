package kitchen.breakfast;

import kitchen.grading.Lang;

/** The cooking went wrong: what a {@link Griddle} made to fail throws. */
public final class Burnt extends RuntimeException {

    public Burnt(Order order) {
        super(Lang.current().pick("the " + order.dish() + " got burnt", "o pedido \"" + order.dish() + "\" queimou"));
    }
}
