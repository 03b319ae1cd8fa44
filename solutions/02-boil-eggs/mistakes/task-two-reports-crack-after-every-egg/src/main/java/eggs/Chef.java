package eggs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import kitchen.stove.BoiledEgg;
import kitchen.stove.CrackedEggException;
import kitchen.stove.Egg;
import kitchen.stove.Pot;
import kitchen.stove.Stove;

/**
 * Known mistake "task-two-reports-crack-after-every-egg" (task 2): a crack makes its serving fail, but the loop
 * takes every other egg off first and only then reports it, seconds late.
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
        // My event loop: an Executor that does not run anything, it only queues the work for my thread.
        // The kitchen timer, which completes ready(), so only enqueues "take this pot off", in ready order.
        BlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
        Executor onMyThread = loop::add;
        List<CompletableFuture<BoiledEgg>> servings = new ArrayList<>(eggs.size());
        for (Egg egg : eggs) {
            Pot pot = stove.putOn(egg);
            servings.add(pot.ready().thenApplyAsync(Pot::takeOff, onMyThread));
        }
        // One queued take-off per egg: run each one here, as soon as the timer posts it.
        for (int i = 0; i < servings.size(); i++) {
            loop.take().run();
        }
        try {
            // Every serving is complete now; the list of futures is already in input order.
            return servings.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
