package breakfast;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kitchen.breakfast.Griddle;
import kitchen.breakfast.Order;
import kitchen.breakfast.Plate;

public class Cook {

    public Callable<Plate> prepare(Griddle griddle, Order order) {
        return () -> griddle.fry(order);
    }

    public Plate serve(Callable<Plate> task) throws Exception {
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            Future<Plate> future = executor.submit(task);
            try {
                return future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException burnt) {
                    throw burnt;            // the griddle's failures are runtime exceptions
                }
                System.err.println("could not serve: " + e.getCause());
                return null;
            }
        }
    }
}
