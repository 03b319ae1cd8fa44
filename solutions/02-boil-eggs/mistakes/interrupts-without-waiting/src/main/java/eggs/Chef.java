package eggs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
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
 * Known mistake "interrupts-without-waiting" (task 1): on a crack it calls shutdownNow, which interrupts the
 * other eggs' threads, and throws at once without waiting for those threads to end.
 */
public class Chef {

    /**
     * Task 1: boils every egg at the same time, one waiting thread per egg.
     */
    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        ExecutorService cooks = Executors.newVirtualThreadPerTaskExecutor();
        CompletionService<BoiledEgg> doneFirst = new ExecutorCompletionService<>(cooks);
        List<Future<BoiledEgg>> pots = new ArrayList<>();
        for (Egg egg : eggs) {
            pots.add(doneFirst.submit(() -> stove.boil(egg)));
        }
        try {
            for (int i = 0; i < pots.size(); i++) {
                doneFirst.take().get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CrackedEggException cracked ? cracked : new CompletionException(e.getCause());
        } finally {
            // Interrupts the eggs still boiling, and leaves at once: their threads are still taking them off.
            cooks.shutdownNow();
        }
        return pots.stream().map(Future::resultNow).toList();
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
