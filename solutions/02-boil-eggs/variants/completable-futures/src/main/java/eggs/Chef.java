package eggs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kitchen.stove.BoiledEgg;
import kitchen.stove.Egg;
import kitchen.stove.Pot;
import kitchen.stove.Stove;

/**
 * The chef who boils eggs. This is the only class you edit: see README.md for the two tasks.
 */
public class Chef {

    /**
     * Task 1: boils every egg at the same time, one waiting thread per egg.
     */
    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        ExecutorService cooks = Executors.newVirtualThreadPerTaskExecutor();
        try {
            // Completed by the first egg that fails: allOf alone would only tell me after the slowest egg.
            CompletableFuture<Void> firstCrack = new CompletableFuture<>();
            List<CompletableFuture<BoiledEgg>> boiling = new ArrayList<>(eggs.size());
            for (Egg egg : eggs) {
                CompletableFuture<BoiledEgg> pot = CompletableFuture.supplyAsync(() -> {
                    try {
                        return stove.boil(egg);
                    } catch (InterruptedException e) {
                        throw new CompletionException(e);
                    }
                }, cooks);
                pot.whenComplete((boiled, failure) -> {
                    if (failure != null) {
                        firstCrack.completeExceptionally(failure);
                    }
                });
                boiling.add(pot);
            }
            CompletableFuture<Void> everyEgg = CompletableFuture.allOf(boiling.toArray(CompletableFuture[]::new));
            try {
                // Whichever comes first: every egg done, or one egg failed.
                CompletableFuture.anyOf(everyEgg, firstCrack).get();
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
            // Every egg is done here; join() just reads each result, in input order. (After a crack, the finally
            // below stops the others: CompletableFuture.cancel interrupts nobody, shutdownNow does.)
            return boiling.stream().map(CompletableFuture::join).toList();
        } finally {
            // Interrupting only asks the threads to stop: wait until they have, so none outlives this call.
            cooks.shutdownNow();
            if (!cooks.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("an egg's thread did not stop within a minute");
            }
        }
    }

    /** The egg's own exception, out of the wrappers the futures put around it. */
    private static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
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
            // A cracked egg fails the call now; the eggs still boiling stay in their pots.
            for (CompletableFuture<BoiledEgg> serving : servings) {
                if (serving.isCompletedExceptionally()) {
                    throw unwrap(serving);
                }
            }
        }
        // Every serving is complete now; the list of futures is already in input order.
        return servings.stream().map(CompletableFuture::join).toList();
    }

    /** What a failed serving threw: takeOff's own exception, out of the CompletionException around it. */
    private static RuntimeException unwrap(CompletableFuture<BoiledEgg> failed) {
        try {
            failed.join();
            throw new IllegalStateException("not failed: " + failed);
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
