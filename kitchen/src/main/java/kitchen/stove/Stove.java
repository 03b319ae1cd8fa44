package kitchen.stove;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import kitchen.grading.Lang;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;
import kitchen.trace.Timeline;

/**
 * The kitchen's stove. It boils eggs in two ways:
 *
 * <ul>
 *   <li>{@link #boil(Egg)} blocks the calling thread until the egg is done, like {@code await
 *       asyncio.sleep(...)} inside a task: to boil several eggs at once, call it from several threads.
 *   <li>{@link #putOn(Egg)} returns at once with a {@link Pot}; the stove's own kitchen timer says when
 *       the egg is {@linkplain Pot#ready() ready}, and the caller {@linkplain Pot#takeOff() takes it off}.
 *       One thread can keep many eggs boiling this way, like asyncio's event loop.
 * </ul>
 *
 * <p>Every egg prints "Boiling eggs i" when it goes on and "Egg i done!" when it is done, like the
 * lecture's {@code boil_eggs(i)}. A stove also keeps a {@link Journal} of what happened, on which thread,
 * which the graded tests read.
 *
 * <p>One daemon thread per stove, named {@code kitchen-timer-N}, keeps time: it rings eggs in the order
 * their time is up. It only runs while eggs are on the stove.
 *
 * <h2>Inspection stoves</h2>
 * {@link #inspected(int, Duration)} makes the stove the graded tests use. It holds every egg until the
 * expected number of eggs are on it together (a {@link Rendezvous}), then starts all their timers from
 * that one instant, so eggs that really went on together finish in exactly their boil-time order. Code
 * that puts eggs on one after another never gets them all on together: when no egg has been put on for
 * the gate timeout, the meeting breaks, the waiting eggs start boiling, and every later egg is done at
 * once, so a wrong answer fails fast instead of boiling for minutes. The kitchen timer counts that idle
 * time in short ticks it actually saw pass, so a JVM starved of CPU on a busy machine (when nobody could
 * put an egg on) does not break the meeting of a correct answer.
 */
public final class Stove {

    private enum Phase {
        /** Inspection: eggs wait until all are on the stove together. */
        GATHERING,
        /** Eggs boil in real time from when they start. */
        TIMING,
        /** Inspection whose meeting broke: eggs put on from now are done at once. */
        FAST_FORWARD
    }

    private static final AtomicInteger STOVES = new AtomicInteger();
    private static final long TICK_NANOS = 50_000_000;
    private static final long HOLD_POLL_NANOS = 5_000_000;
    private static final Comparator<Pot> BY_DEADLINE =
            Comparator.<Pot>comparingLong(p -> p.deadline).thenComparingLong(p -> p.seq);

    private final String name = "kitchen-timer-" + STOVES.incrementAndGet();
    private final Journal journal = new Journal();
    private final PrintStream out;
    private final Rendezvous meeting;
    private final long gateTimeoutNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition tick = lock.newCondition();
    /** Inspection: when an interrupted egg may come off, and the longest it waits for that; null: at once. */
    private volatile BooleanSupplier liftInterrupted;
    private volatile long liftAtMostNanos;
    // Everything below is guarded by lock.
    private Phase phase;
    private long seq;
    private long idleNanos;
    private long lastLook;
    private Thread timer;
    private int peak;
    private final Set<Pot> waiting = new LinkedHashSet<>();
    private final TreeSet<Pot> boiling = new TreeSet<>(BY_DEADLINE);
    private final Set<Pot> onStove = new LinkedHashSet<>();
    private final Set<Thread> boilingThreads = new LinkedHashSet<>();
    private final List<Integer> readyOrder = new ArrayList<>();
    private final List<Integer> doneOrder = new ArrayList<>();
    /** Egg number → how long its pot stayed on the stove after the timer found it ready, for takeOff's eggs. */
    private final Map<Integer, Duration> leftInPot = new LinkedHashMap<>();

    /** A stove that boils in real time and prints to {@code System.out}. */
    public Stove() {
        this(System.out, null);
    }

    private Stove(PrintStream out, Rendezvous meeting) {
        this.out = out;
        this.meeting = meeting;
        this.gateTimeoutNanos = meeting == null ? 0 : meeting.timeout().toNanos();
        this.phase = meeting == null ? Phase.TIMING : Phase.GATHERING;
    }

    /**
     * The graded tests' stove: it expects {@code eggs} eggs on it together and prints nothing (its
     * {@link #journal()} records everything).
     *
     * @param eggs        how many eggs must be on the stove together before any starts boiling
     * @param gateTimeout how long the stove waits for one more egg before it gives up on the meeting
     */
    public static Stove inspected(int eggs, Duration gateTimeout) {
        return new Stove(null, new Rendezvous(eggs, Objects.requireNonNull(gateTimeout, "gateTimeout")));
    }

    /**
     * Boils an egg on the calling thread: prints "Boiling eggs i", waits until the egg is done, prints
     * "Egg i done!" and returns it. Call it from several threads to boil several eggs at once.
     *
     * @throws CrackedEggException  if the egg cracks
     * @throws InterruptedException if the calling thread is interrupted before the egg is done: the egg
     *                              comes off the stove unboiled
     */
    public BoiledEgg boil(Egg egg) throws InterruptedException {
        Objects.requireNonNull(egg, "egg");
        if (Thread.currentThread() instanceof KitchenTimer) {
            throw new IllegalStateException(Lang.current().pick("boil(" + egg + ") was called on the kitchen timer "
                    + "thread, which would stop every egg's timer: boil eggs on your own threads", "boil(" + egg
                    + ") foi chamado na thread do timer da cozinha, o que pararia o timer de todos os ovos: cozinhe os "
                    + "ovos nas suas próprias threads"));
        }
        if (Thread.interrupted()) {
            throw new InterruptedException(Lang.current().pick("interrupted before " + egg + " went on the stove",
                    "interrompido antes de o " + egg + " ir ao fogão"));
        }
        Pot pot;
        lock.lock();
        try {
            boilingThreads.add(Thread.currentThread());
            pot = arrive(egg, true);
        } finally {
            lock.unlock();
        }
        try {
            // Waiting outside the lock lets thousands of eggs rung at once wake up in parallel.
            pot.rung.await();
        } catch (InterruptedException e) {
            boolean stopped;
            lock.lock();
            try {
                stopped = pot.state == Pot.State.BOILING;
                if (stopped) {
                    // Its timer stops now, so it can no longer be done, even while it is held below.
                    if (!waiting.remove(pot)) {
                        boiling.remove(pot);
                    }
                }
            } finally {
                lock.unlock();
            }
            if (stopped) {
                holdUntilLifted();
                lock.lock();
                try {
                    takeOffUnboiled(pot);
                } finally {
                    lock.unlock();
                }
                throw e;
            }
            // The timer rang first: the egg is done; keep the interrupt for the caller.
            Thread.currentThread().interrupt();
        }
        if (egg.cracked()) {
            throw new CrackedEggException(egg);
        }
        return new BoiledEgg(egg);
    }

    /**
     * Puts an egg on the stove without waiting: prints "Boiling eggs i" and returns its pot at once. The
     * pot's {@link Pot#ready()} completes when the egg's time is up; then {@link Pot#takeOff()} it.
     */
    public Pot putOn(Egg egg) {
        Objects.requireNonNull(egg, "egg");
        lock.lock();
        try {
            return arrive(egg, false);
        } finally {
            lock.unlock();
        }
    }

    private Pot arrive(Egg egg, boolean blocking) {
        Pot pot = new Pot(this, egg, seq++, blocking);
        say("Boiling eggs " + egg.number());
        pot.span = journal.begin(Lang.current().pick("egg ", "ovo ") + egg.number());
        onStove.add(pot);
        peak = Math.max(peak, onStove.size());
        long now = System.nanoTime();
        switch (phase) {
            case TIMING -> start(pot, now);
            // As if it had been boiling all along: done at once, so a wrong answer fails fast.
            case FAST_FORWARD -> start(pot, now - egg.boilTime().toNanos());
            case GATHERING -> {
                waiting.add(pot);
                idleNanos = 0;
                lastLook = now;
                if (meeting.arrive()) {
                    phase = Phase.TIMING;
                    startWaiting(now);
                } else if (waiting.size() == 1) {
                    wakeTimer();
                }
            }
        }
        return pot;
    }

    /** Starts the egg's timer from {@code base}. */
    private void start(Pot pot, long base) {
        pot.deadline = base + pot.egg().boilTime().toNanos();
        boiling.add(pot);
        if (boiling.first() == pot) {
            wakeTimer();
        }
    }

    private void startWaiting(long base) {
        for (Pot pot : waiting) {
            start(pot, base);
        }
        waiting.clear();
    }

    private void wakeTimer() {
        if (timer == null) {
            timer = new KitchenTimer(this::keepTime, name);
            timer.start();
        } else {
            tick.signal();
        }
    }

    /** The kitchen timer's loop: rings eggs in deadline order, and ends when the stove is empty. */
    private void keepTime() {
        List<Pot> rung = new ArrayList<>();
        while (true) {
            lock.lock();
            try {
                while (!ringDue(rung)) {
                    if (waiting.isEmpty() && boiling.isEmpty()) {
                        timer = null;
                        return;
                    }
                    try {
                        tick.awaitNanos(nanosToNextEvent());
                    } catch (InterruptedException e) {
                        // Nobody may stop the kitchen timer: every egg on the stove depends on it.
                    }
                }
            } finally {
                lock.unlock();
            }
            // Outside the lock: completing a pot runs the callbacks student code registered on it.
            for (Pot pot : rung) {
                pot.ring();
            }
            rung.clear();
        }
    }

    private boolean ringDue(List<Pot> rung) {
        long now = System.nanoTime();
        if (phase == Phase.GATHERING && !waiting.isEmpty()) {
            // A late tick means the whole JVM was starved, not that nobody put an egg on: count little of it.
            idleNanos += Math.min(now - lastLook, 2 * TICK_NANOS);
            lastLook = now;
            if (idleNanos >= gateTimeoutNanos) {
                meeting.breakNow();
                phase = Phase.FAST_FORWARD;
                startWaiting(now);
            }
        }
        while (!boiling.isEmpty() && boiling.first().deadline - now <= 0) {
            Pot pot = boiling.pollFirst();
            ring(pot);
            rung.add(pot);
        }
        return !rung.isEmpty();
    }

    private long nanosToNextEvent() {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        if (!boiling.isEmpty()) {
            next = boiling.first().deadline - now;
        }
        if (phase == Phase.GATHERING && !waiting.isEmpty()) {
            next = Math.min(next, Math.min(TICK_NANOS, gateTimeoutNanos - idleNanos));
        }
        return Math.max(1, next);
    }

    private void ring(Pot pot) {
        readyOrder.add(pot.egg().number());
        pot.readyNanos = System.nanoTime();
        if (pot.blocking) {
            comeOff(pot);
            pot.rung.countDown();
        } else {
            pot.state = pot.egg().cracked() ? Pot.State.CRACKED : Pot.State.READY;
        }
    }

    BoiledEgg takeOff(Pot pot) {
        lock.lock();
        try {
            switch (pot.state) {
                case BOILING -> throw new IllegalStateException(Lang.current().pick(
                        pot.egg() + " is not boiled yet: take it off once its ready() has completed",
                        "o " + pot.egg() + " ainda não está cozido: tire-o quando o seu ready() tiver completado"));
                case OFF -> throw new IllegalStateException(Lang.current().pick(pot.egg() + " was already taken off",
                        "o " + pot.egg() + " já foi tirado do fogão"));
                default -> {
                    leftInPot.put(pot.egg().number(), Duration.ofNanos(System.nanoTime() - pot.readyNanos));
                    comeOff(pot);
                    if (pot.egg().cracked()) {
                        throw new CrackedEggException(pot.egg());
                    }
                    return new BoiledEgg(pot.egg());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The egg's time is up (or it was taken off after that): it leaves the stove, done or cracked. */
    private void comeOff(Pot pot) {
        pot.state = Pot.State.OFF;
        onStove.remove(pot);
        int number = pot.egg().number();
        if (pot.egg().cracked()) {
            say("Egg " + number + " cracked!");
            journal.end(pot.span, Lang.current().pick("cracked", "rachou"));
        } else {
            say("Egg " + number + " done!");
            doneOrder.add(number);
            journal.end(pot.span, "done");
        }
    }

    /**
     * Inspection: an interrupted egg stays on the stove, on its thread, until {@link #liftInterrupted} says
     * it may come off or its bound has passed; further interrupts do not shorten the wait.
     */
    private void holdUntilLifted() {
        BooleanSupplier lift = liftInterrupted;
        if (lift == null) {
            return;
        }
        long deadline = System.nanoTime() + liftAtMostNanos;
        while (!lift.getAsBoolean() && deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(this, HOLD_POLL_NANOS);
            Thread.interrupted();
        }
    }

    private void takeOffUnboiled(Pot pot) {
        pot.state = Pot.State.OFF;
        onStove.remove(pot);
        journal.end(pot.span, Lang.current().pick("interrupted", "interrompido"));
    }

    private void say(String line) {
        journal.event(line);
        if (out != null) {
            out.println(line);
        }
    }

    // ---- inspection: what the graded tests read ----

    /**
     * Inspection: from now on, an egg whose {@link #boil} is interrupted does not come off the stove at once.
     * Its timer stops (it will never be done), but it stays on the stove, and its {@code boil} call does not
     * end, until {@code lift} returns true (asked every few milliseconds, on the egg's thread) or
     * {@code atMost} has passed. A test lifts the eggs once the caller waits for them: a caller that
     * interrupts its threads and leaves without waiting for them leaves its eggs on the stove.
     */
    public void holdInterruptedEggs(BooleanSupplier lift, Duration atMost) {
        liftAtMostNanos = atMost.toNanos();
        liftInterrupted = Objects.requireNonNull(lift, "lift");
    }

    /** Everything that happened on this stove: "Boiling eggs i", "Egg i done!" events and egg spans. */
    public Journal journal() {
        return journal;
    }

    /** The eggs drawn as a timeline: one bar per egg, from when it went on until it came off. */
    public String timeline() {
        return Timeline.of(journal);
    }

    /**
     * True if this is an inspection stove and all its expected eggs were on it together before any
     * started boiling. Code that puts eggs on one after another never achieves it.
     */
    public boolean allOnTogether() {
        return meeting != null && meeting.met();
    }

    /** The most eggs that were on the stove at one instant. */
    public int peakOnStove() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** Numbers of the eggs on the stove now (put on, and not yet done, cracked, taken off or interrupted). */
    public List<Integer> onStove() {
        lock.lock();
        try {
            return onStove.stream().map(p -> p.egg().number()).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Numbers of the eggs in the order the kitchen timer found them ready (done or cracked). */
    public List<Integer> readyOrder() {
        lock.lock();
        try {
            return List.copyOf(readyOrder);
        } finally {
            lock.unlock();
        }
    }

    /** Numbers of the eggs in the order they were done ("Egg i done!"); cracked eggs are never done. */
    public List<Integer> doneOrder() {
        lock.lock();
        try {
            return List.copyOf(doneOrder);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Numbers of the eggs taken off with {@link Pot#takeOff()} (done or cracked), in the order they were,
     * each with how long it stayed in its pot after the kitchen timer found it ready (just before its
     * {@code ready()} completed): an egg left in the pot overcooks.
     */
    public Map<Integer, Duration> leftInPot() {
        lock.lock();
        try {
            return Collections.unmodifiableMap(new LinkedHashMap<>(leftInPot));
        } finally {
            lock.unlock();
        }
    }

    /** Every thread that called {@link #boil}, in the order they first did. */
    public List<Thread> boilingThreads() {
        lock.lock();
        try {
            return List.copyOf(boilingThreads);
        } finally {
            lock.unlock();
        }
    }

    /** The stove's timer thread: its own class so the stove can tell it apart from every other thread. */
    private static final class KitchenTimer extends Thread {
        KitchenTimer(Runnable keepTime, String name) {
            super(keepTime, name);
            setDaemon(true);
        }
    }
}
