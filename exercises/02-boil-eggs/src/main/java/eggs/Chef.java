package eggs;

import java.util.ArrayList;
import java.util.List;
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
     *
     * <ul>
     *   <li>Every egg goes on the stove ({@link Stove#boil}) at once, each on its own thread.
     *   <li>Returns the boiled eggs in the order of {@code eggs}, and only once every egg is done.
     *   <li>If an egg cracks, fails at once with its {@link kitchen.stove.CrackedEggException} (thrown as is
     *       or as the cause) and stops the other eggs by interrupting their threads.
     *   <li>Waits for every thread it started before it returns or fails: every egg is then off the stove
     *       and no thread of yours has work left (interrupting only asks a thread to stop).
     * </ul>
     *
     * <p>Today it boils one egg after another: correct, but it takes as long as all the eggs together.
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
     *
     * <ul>
     *   <li>Puts every egg on with {@link Stove#putOn} (it does not wait) before waiting for any.
     *   <li>Takes each egg off ({@link Pot#takeOff}) on the calling thread as soon as it is
     *       {@linkplain Pot#ready() ready}, in the order the eggs become ready: an egg left in its pot while you
     *       wait for another one overcooks.
     *   <li>Returns the boiled eggs in the order of {@code eggs}, once every egg is taken off.
     *   <li>If an egg cracks, fails at once with the {@link kitchen.stove.CrackedEggException} its
     *       {@code takeOff} throws (as is or as the cause), without waiting for the other eggs.
     *   <li>Starts no thread and no thread pool: an {@link java.util.concurrent.Executor} that only queues work
     *       for the calling thread to run is fine.
     * </ul>
     *
     * <p>Today it puts one egg on, waits for it, takes it off, and only then puts the next one on.
     */
    public List<BoiledEgg> boilAllOnOneThread(Stove stove, List<Egg> eggs) throws InterruptedException {
        List<BoiledEgg> boiled = new ArrayList<>();
        for (Egg egg : eggs) {
            Pot pot = stove.putOn(egg);
            pot.ready().join();
            boiled.add(pot.takeOff());
        }
        return boiled;
    }
}
