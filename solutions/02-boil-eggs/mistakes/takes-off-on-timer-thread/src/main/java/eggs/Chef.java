package eggs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kitchen.stove.BoiledEgg;
import kitchen.stove.CrackedEggException;
import kitchen.stove.Egg;
import kitchen.stove.Pot;
import kitchen.stove.Stove;

/**
 * Known mistake "takes-off-on-timer-thread" (task 2): takes each egg off inside the ready() callback, which
 * runs on the kitchen timer's thread, not the caller's.
 */
public class Chef {

    /**
     * Task 1: boils every egg at the same time, one waiting thread per egg.
     */
    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        // A waiting egg needs a thread that costs next to nothing: virtual threads, one per egg.
        try (ExecutorService cooks = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<BoiledEgg> doneFirst = new ExecutorCompletionService<>(cooks);
            List<Future<BoiledEgg>> pots = new ArrayList<>();
            for (Egg egg : eggs) {
                pots.add(doneFirst.submit(() -> stove.boil(egg)));
            }
            try {
                // In the order the eggs finish, so a crack is seen when it happens, not after the slowest egg.
                for (int i = 0; i < pots.size(); i++) {
                    doneFirst.take().get();
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof CrackedEggException cracked ? cracked : new CompletionException(e.getCause());
            } finally {
                // After a crack or an interrupt this stops the other eggs; after success nothing is left to stop.
                cooks.shutdownNow();
            }
            return pots.stream().map(Future::resultNow).toList();
        }
    }

    /**
     * Task 2: boils every egg at the same time on the calling thread alone, like asyncio's event loop.
     */
    public List<BoiledEgg> boilAllOnOneThread(Stove stove, List<Egg> eggs) throws InterruptedException {
        List<CompletableFuture<BoiledEgg>> boiled = new ArrayList<>();
        for (Egg egg : eggs) {
            boiled.add(stove.putOn(egg).ready().thenApply(Pot::takeOff));
        }
        return boiled.stream().map(CompletableFuture::join).toList();
    }
}
