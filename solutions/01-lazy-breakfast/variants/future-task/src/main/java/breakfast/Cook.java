package breakfast;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
        // The lambda's body is the recipe; nothing in it runs until call().
        return () -> {
            Plate plate = griddle.fry(order);
            return plate;
        };
    }

    /**
     * Task 2. Serves a prepared breakfast: schedules {@code task} to run once on another thread than the
     * caller's, waits until it has finished, and returns the plate it made.
     *
     * @return the plate the task returned
     * @throws Exception the task's failure (itself or as the cause)
     */
    public Plate serve(Callable<Plate> task) throws Exception {
        // A FutureTask is both a Runnable a thread can run and a Future that keeps the result or the exception.
        FutureTask<Plate> breakfast = new FutureTask<>(task);
        // A virtual thread is enough: the cook mostly waits at the griddle.
        Thread.ofVirtual().name("breakfast-cook").start(breakfast);
        try {
            return breakfast.get();
        } catch (ExecutionException e) {
            // get() wraps what the task threw; the diner wants the original.
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            // Nobody waits for this breakfast any more: tell the cook to stop.
            breakfast.cancel(true);
            throw e;
        }
    }
}
