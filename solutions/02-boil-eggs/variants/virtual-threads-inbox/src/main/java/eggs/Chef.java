package eggs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import kitchen.stove.BoiledEgg;
import kitchen.stove.Egg;
import kitchen.stove.Pot;
import kitchen.stove.Stove;

/**
 * The chef who boils eggs. This is the only class you edit: see README.md for the two tasks.
 */
public class Chef {

    /** What one egg's thread reports back: its place in the list, and the boiled egg or what went wrong. */
    private record Outcome(int place, BoiledEgg egg, Throwable failure) {
    }

    /**
     * Task 1: boils every egg at the same time, one waiting thread per egg.
     */
    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        // Each thread posts its outcome here as soon as its egg is done, so I read them in finishing order.
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        List<Thread> cooks = new ArrayList<>(eggs.size());
        try {
            // Start every egg first: a virtual thread that only waits inside boil is cheap, even 10 000 of them.
            for (int i = 0; i < eggs.size(); i++) {
                int place = i;
                Egg egg = eggs.get(i);
                cooks.add(Thread.ofVirtual().name("egg-" + egg.number()).start(() -> {
                    try {
                        outcomes.add(new Outcome(place, stove.boil(egg), null));
                    } catch (Throwable t) {
                        outcomes.add(new Outcome(place, null, t));
                    }
                }));
            }
            BoiledEgg[] boiled = new BoiledEgg[eggs.size()];
            for (int received = 0; received < boiled.length; received++) {
                Outcome outcome = outcomes.take();
                if (outcome.failure() != null) {
                    // Fail fast: the first crack ends the call now; the finally below stops the other eggs.
                    throw rethrowable(outcome.failure());
                }
                boiled[outcome.place()] = outcome.egg();
            }
            return Arrays.asList(boiled);
        } finally {
            // After a crack (or if I was interrupted) the other eggs must come off: interrupting a thread
            // makes its stove.boil end. Then wait for every thread, so none outlives this call.
            for (Thread cook : cooks) {
                if (cook.isAlive()) {
                    cook.interrupt();
                }
            }
            for (Thread cook : cooks) {
                cook.join();
            }
        }
    }

    /** The egg's own exception as is when it can be thrown as is, otherwise as the cause. */
    private static RuntimeException rethrowable(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("an egg could not be boiled", failure);
    }

    /**
     * Task 2: boils every egg at the same time on the calling thread alone, like asyncio's event loop.
     */
    public List<BoiledEgg> boilAllOnOneThread(Stove stove, List<Egg> eggs) throws InterruptedException {
        // My own little mailbox guarded by its monitor: the kitchen timer only drops ready pots in it and
        // wakes me up; the taking off happens here, on my thread.
        Deque<Pot> readyPots = new ArrayDeque<>();
        List<Pot> pots = new ArrayList<>(eggs.size());
        for (Egg egg : eggs) {
            Pot pot = stove.putOn(egg);
            pots.add(pot);
            pot.ready().thenAccept(ready -> {
                synchronized (readyPots) {
                    readyPots.addLast(ready);
                    readyPots.notifyAll();
                }
            });
        }
        BoiledEgg[] boiled = new BoiledEgg[eggs.size()];
        for (int taken = 0; taken < boiled.length; taken++) {
            Pot next;
            synchronized (readyPots) {
                // A loop, not an if: wait() may wake up without a pot for me.
                while (readyPots.isEmpty()) {
                    readyPots.wait();
                }
                next = readyPots.removeFirst();
            }
            // Outside the monitor, so the timer is never kept waiting while I take the egg off.
            boiled[pots.indexOf(next)] = next.takeOff();
        }
        return Arrays.asList(boiled);
    }
}
