package eggs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import kitchen.stove.BoiledEgg;
import kitchen.stove.Egg;
import kitchen.stove.Pot;
import kitchen.stove.Stove;

/**
 * Known mistake "joins-only-first-egg" (task 1): starts every egg but waits only for the first one, like
 * awaiting t1 and forgetting t2.
 */
public class Chef {

    /**
     * Task 1: boils every egg at the same time, one waiting thread per egg.
     */
    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        BoiledEgg[] boiled = new BoiledEgg[eggs.size()];
        List<Thread> cooks = new ArrayList<>();
        for (int i = 0; i < eggs.size(); i++) {
            int place = i;
            cooks.add(Thread.ofVirtual().start(() -> {
                try {
                    boiled[place] = stove.boil(eggs.get(place));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        cooks.get(0).join();
        return Arrays.asList(boiled);
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
