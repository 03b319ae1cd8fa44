package breakfast;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kitchen.breakfast.Griddle;
import kitchen.breakfast.Order;
import kitchen.breakfast.Plate;

public class Cook {

    public Callable<Plate> prepare(Griddle griddle, Order order) {
        return () -> griddle.fry(order);
    }

    public Plate serve(Callable<Plate> task) throws Exception {
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            try {
                return executor.submit(task).get();
            } catch (ExecutionException first) {
                // a burnt breakfast deserves a second chance
                try {
                    return executor.submit(task).get();
                } catch (ExecutionException second) {
                    throw (Exception) second.getCause();
                }
            }
        }
    }
}
