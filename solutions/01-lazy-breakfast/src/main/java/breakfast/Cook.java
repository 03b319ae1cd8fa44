package breakfast;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
     * <p>Nothing may be fried (nor printed) by this method, nor later on its own: the griddle is used only
     * when someone runs the returned task, and then the task fries the order and returns its plate. (Called
     * again, it may fry again or hand back the same plate: the grader runs each prepared task once.)
     *
     * @return the breakfast, as a task that has not run yet
     */
    public Callable<Plate> prepare(Griddle griddle, Order order) {
        // A lambda is only the recipe: the griddle is touched when someone calls it, not now.
        return () -> griddle.fry(order);
    }

    /**
     * Task 2. Serves a prepared breakfast: schedules {@code task} to run once (once even if it fails: no
     * second try) on another thread than the caller's, waits until it has finished, and returns the plate
     * it made as soon as it is ready: not before, and not long after (sleeping a fixed time is guessing,
     * not waiting).
     *
     * <p>If the task fails, with a runtime exception or a checked one, serve fails too, and the task's
     * exception must not be lost: throw it, or throw an exception that has it as its cause. Never return a
     * plate (or {@code null}) for a breakfast that went wrong.
     *
     * @return the plate the task returned
     * @throws Exception the task's failure (itself or as the cause)
     */
    public Plate serve(Callable<Plate> task) throws Exception {
        // Like asyncio.run: start a scheduler, hand it the task, wait for the result, shut the scheduler.
        try (ExecutorService brigade = Executors.newVirtualThreadPerTaskExecutor()) {
            return brigade.submit(task).get();
        } catch (ExecutionException e) {
            // The executor's wrapper is noise to the diner: what went wrong is the task's own exception.
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
