package breakfast;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import kitchen.breakfast.Griddle;
import kitchen.breakfast.Order;
import kitchen.breakfast.Plate;

/** A cook who starts the task on another thread, then sleeps a fixed time instead of waiting for it. */
public class Cook {

    public Callable<Plate> prepare(Griddle griddle, Order order) {
        return () -> griddle.fry(order);
    }

    public Plate serve(Callable<Plate> task) throws Exception {
        AtomicReference<Plate> plate = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread.ofPlatform().name("breakfast-cook").start(() -> {
            try {
                plate.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        // "Surely the eggs are done by now."
        Thread.sleep(3_000);
        if (failure.get() != null) {
            throw failure.get();
        }
        return plate.get();
    }
}
