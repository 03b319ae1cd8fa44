package eggs;

import java.util.ArrayList;
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
 * Known mistake "sequential" (task 1): boils one egg after another: each egg waits for the previous one.
 */
public class Chef {

    /**
     * Task 1: boils every egg at the same time, one waiting thread per egg.
     */
    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        List<BoiledEgg> boiled = new ArrayList<>();
        for (Egg egg : eggs) {
            boiled.add(stove.boil(egg));
        }
        return boiled;
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
