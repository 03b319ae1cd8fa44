package eggs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import kitchen.stove.BoiledEgg;
import kitchen.stove.CrackedEggException;
import kitchen.stove.Egg;
import kitchen.stove.Pot;
import kitchen.stove.Stove;

/**
 * Known mistake "cancels-without-interrupting" (task 1): fails fast with CompletableFuture, but cancelling
 * a CompletableFuture interrupts no thread: the other eggs boil on.
 */
public class Chef {

    /**
     * Task 1: boils every egg at the same time, one waiting thread per egg.
     */
    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        ExecutorService cooks = Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<BoiledEgg>> pots = new ArrayList<>();
        for (Egg egg : eggs) {
            pots.add(CompletableFuture.supplyAsync(() -> boil(stove, egg), cooks));
        }
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        pots.forEach(pot -> pot.whenComplete((egg, failure) -> {
            if (failure != null) {
                firstFailure.completeExceptionally(failure);
            }
        }));
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(pots.toArray(CompletableFuture[]::new)), firstFailure).join();
            return pots.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            pots.forEach(pot -> pot.cancel(true));
            throw e.getCause() instanceof CrackedEggException cracked ? cracked : e;
        } finally {
            cooks.shutdown();
        }
    }

    private static BoiledEgg boil(Stove stove, Egg egg) {
        try {
            return stove.boil(egg);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /**
     * Task 2: boils every egg at the same time on the calling thread alone, like asyncio's event loop.
     */
    public List<BoiledEgg> boilAllOnOneThread(Stove stove, List<Egg> eggs) throws InterruptedException {
        // The event loop's inbox: the kitchen timer only posts ready pots; all the work stays on this thread.
        BlockingQueue<Pot> readyPots = new LinkedBlockingQueue<>();
        Map<Pot, Integer> places = new IdentityHashMap<>();
        for (Egg egg : eggs) {
            Pot pot = stove.putOn(egg);
            places.put(pot, places.size());
            pot.ready().thenAccept(readyPots::add);
        }
        BoiledEgg[] boiled = new BoiledEgg[eggs.size()];
        for (int taken = 0; taken < boiled.length; taken++) {
            Pot pot = readyPots.take();
            boiled[places.get(pot)] = pot.takeOff();
        }
        return List.of(boiled);
    }
}
