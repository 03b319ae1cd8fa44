package kitchen.stove;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import kitchen.grading.Lang;
import kitchen.trace.Journal;

/**
 * An egg on the stove, put there by {@link Stove#putOn}. Putting an egg on does not wait: the stove's
 * kitchen timer completes {@link #ready()} when the egg's time is up, and then whoever holds the pot
 * {@linkplain #takeOff() takes it off}.
 */
public final class Pot {

    enum State {
        /** On the stove, not ready yet (possibly still waiting for the other eggs of an inspection). */
        BOILING,
        READY,
        CRACKED,
        OFF
    }

    private final Stove stove;
    private final Egg egg;
    private final CompletableFuture<Pot> ready = new CompletableFuture<>();

    // The rest belongs to the stove and is guarded by its lock.
    final long seq;
    final boolean blocking;
    /** Counted down when the timer rings a pot that a {@link Stove#boil} caller waits for. */
    final CountDownLatch rung = new CountDownLatch(1);
    State state = State.BOILING;
    long deadline;
    /** When the kitchen timer found the egg ready ({@link System#nanoTime()}). */
    long readyNanos;
    Journal.Span span;

    Pot(Stove stove, Egg egg, long seq, boolean blocking) {
        this.stove = stove;
        this.egg = egg;
        this.seq = seq;
        this.blocking = blocking;
    }

    /** The egg in this pot. */
    public Egg egg() {
        return egg;
    }

    /**
     * Completes with this pot when the egg's time is up (also for a cracked egg: its {@link #takeOff()}
     * then throws). The stove's kitchen timer thread completes it and runs the callbacks registered on it
     * (a callback registered once it is complete runs on the registering thread): keep callbacks short,
     * and never block the timer, or every other egg waits too.
     */
    public CompletableFuture<Pot> ready() {
        return ready;
    }

    /**
     * Takes the boiled egg off the stove, on the calling thread (the stove notes which one), and prints
     * "Egg i done!".
     *
     * @throws IllegalStateException if the egg is not ready yet, or was already taken off
     * @throws CrackedEggException   if the egg cracked
     */
    public BoiledEgg takeOff() {
        return stove.takeOff(this);
    }

    void ring() {
        ready.complete(this);
    }

    @Override
    public String toString() {
        return Lang.current().pick("pot of egg ", "panela do ovo ") + egg.number();
    }
}
