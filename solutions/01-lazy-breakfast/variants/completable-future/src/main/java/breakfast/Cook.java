package breakfast;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
        // An object whose call() fries: creating it runs nothing, like boil_eggs() without asyncio.run.
        return new Callable<>() {
            @Override
            public Plate call() {
                return griddle.fry(order);
            }
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
        // supplyAsync hands the work to the common pool's threads; a Supplier cannot throw checked
        // exceptions, so a checked one travels wrapped in a CompletionException (its cause is kept).
        CompletableFuture<Plate> plate = CompletableFuture.supplyAsync(() -> {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        try {
            // get() blocks this thread until the task is done, like awaiting it.
            return plate.get();
        } catch (ExecutionException e) {
            // Peel off the future's wrappers so the diner sees what really went wrong.
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
    }
}
