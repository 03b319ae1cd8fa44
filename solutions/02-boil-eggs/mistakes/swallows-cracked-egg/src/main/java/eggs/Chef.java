package eggs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import kitchen.stove.BoiledEgg;
import kitchen.stove.Egg;
import kitchen.stove.Pot;
import kitchen.stove.Stove;

/**
 * Known mistake "swallows-cracked-egg" (task 1): catches the cracked egg's failure and carries on without
 * it.
 */
public class Chef {

    /**
     * Task 1: boils every egg at the same time, one waiting thread per egg.
     */
    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        try (ExecutorService cooks = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<BoiledEgg>> pots = new ArrayList<>();
            for (Egg egg : eggs) {
                pots.add(cooks.submit(() -> stove.boil(egg)));
            }
            List<BoiledEgg> boiled = new ArrayList<>();
            for (Future<BoiledEgg> pot : pots) {
                try {
                    boiled.add(pot.get());
                } catch (ExecutionException cracked) {
                    // skip the cracked egg and serve the rest
                }
            }
            return boiled;
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
