package breakfast;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kitchen.breakfast.Griddle;
import kitchen.breakfast.Order;
import kitchen.breakfast.Plate;

/** A cook whose prepared breakfast is cooked on its first call only; later calls hand back the same plate. */
public class Cook {

    public Callable<Plate> prepare(Griddle griddle, Order order) {
        // Nothing is fried here: the object only remembers the plate once its first call has fried it.
        return new Callable<>() {
            private Plate plate;

            @Override
            public synchronized Plate call() {
                if (plate == null) {
                    plate = griddle.fry(order);
                }
                return plate;
            }
        };
    }

    public Plate serve(Callable<Plate> task) throws Exception {
        // One kitchen hand for this one breakfast, sent home afterwards.
        ExecutorService kitchenHand = Executors.newSingleThreadExecutor();
        try {
            return kitchenHand.submit(task).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            kitchenHand.shutdown();
        }
    }
}
