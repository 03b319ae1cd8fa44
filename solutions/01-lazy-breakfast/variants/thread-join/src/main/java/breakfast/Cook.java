package breakfast;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import kitchen.breakfast.Griddle;
import kitchen.breakfast.Order;
import kitchen.breakfast.Plate;

/**
 * A cook who writes breakfast down as a task first, and cooks it only when it is served: Java's version
 * of calling {@code boil_eggs()} (which only builds a coroutine) and then {@code asyncio.run(...)}.
 */
public class Cook {

    /**
     * Task 1. Describes how to cook {@code order} on {@code griddle}, without cooking it.
     *
     * @return the breakfast, as a task that has not run yet
     */
    public Callable<Plate> prepare(Griddle griddle, Order order) {
        // Only the lambda object is built here; fry runs when someone calls the task.
        return () -> griddle.fry(order);
    }

    /**
     * Task 2. Serves a prepared breakfast: schedules {@code task} to run once on another thread than the
     * caller's, waits until it has finished, and returns the plate it made.
     *
     * @return the plate the task returned
     * @throws Exception the task's failure (itself or as the cause)
     */
    public Plate serve(Callable<Plate> task) throws Exception {
        // A Thread's run() returns nothing, so the cook leaves the plate (or what went wrong) here for us.
        AtomicReference<Plate> plate = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread cook = new Thread(() -> {
            try {
                plate.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "breakfast-cook");
        cook.start();
        // join() waits until the cook has finished; everything it wrote is visible to us afterwards.
        try {
            cook.join();
        } catch (InterruptedException e) {
            // We were told to stop waiting: stop the cook too, and don't leave it behind.
            cook.interrupt();
            throw e;
        }
        Throwable burnt = failure.get();
        if (burnt instanceof Exception e) {
            throw e;
        }
        if (burnt instanceof Error e) {
            throw e;
        }
        return plate.get();
    }
}
