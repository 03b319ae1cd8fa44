package kitchen.forks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import kitchen.grading.Lang;
import kitchen.trace.Drawing;
import kitchen.trace.Drawings;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;

/**
 * The dining philosophers' table: {@link Fork}s between the plates, a {@link Seat} for each philosopher,
 * and a record of everything that happened at it. Student code only sees its {@link Seat}; the graded
 * tests set the table, watch it and read the record:
 *
 * <ul>
 *   <li>every time a thread asked for a fork ({@link Wait}: which fork, how long it was ready to wait,
 *       which forks it already held, how it ended),</li>
 *   <li>every time a fork was in someone's hand ({@link Hold}: from picking up to putting down),</li>
 *   <li>every back-off ({@link BackOff}) and every meal ({@link Meal}),</li>
 * </ul>
 *
 * <p>all numbered in the order they happened ({@code seq}) and drawn in the {@link #journal()} as spans
 * ("holds fork 0", "wants fork 1", "backs off 12 ms", "eats") for a {@link kitchen.trace.Timeline}.
 * Threads are told apart by their name in pictures and by their id in the record, so name the threads
 * that sit at the table.
 */
public final class Table {

    /** How a request for a fork ended. */
    public enum Outcome {
        /** Still waiting. */
        WAITING,
        /** Got the fork. */
        GOT_IT,
        /** A {@code tryLock} that gave up: the fork stayed taken for as long as the caller was ready to wait. */
        GAVE_UP,
        /** Interrupted while it waited. */
        INTERRUPTED
    }

    /** One time a fork was in someone's hand: from when it was picked up to when it was put down. */
    public static final class Hold {
        private final Fork fork;
        private final long seq;
        private final Journal.Span span;
        private final Journal journal;
        private final Queue<Wait> during = new ConcurrentLinkedQueue<>();

        private Hold(Fork fork, long seq, Journal.Span span, Journal journal) {
            this.fork = fork;
            this.seq = seq;
            this.span = span;
            this.journal = journal;
        }

        public Fork fork() {
            return fork;
        }

        /** Who held it. */
        public Journal.Worker holder() {
            return span.worker();
        }

        public long seq() {
            return seq;
        }

        /** True while the fork has not been put down. */
        public boolean inHand() {
            return span.isOpen();
        }

        /** How long the fork was (or, while still in hand, has been) held. */
        public Duration duration() {
            long end = span.isOpen() ? journal.now() : span.endNanos();
            return Duration.ofNanos(end - span.startNanos());
        }

        /** The requests the holder made for other forks while this fork was in his hand, in order. */
        public List<Wait> waitsDuring() {
            return List.copyOf(during);
        }
    }

    /** One time a thread asked for a fork: {@code lock}, {@code tryLock} or {@code tryLock(time, unit)}. */
    public static final class Wait {
        private final Fork fork;
        private final Duration patience;
        private final List<Hold> holding;
        private final long seq;
        private final Journal.Span span;
        private final Journal journal;
        private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.WAITING);

        private Wait(Fork fork, Duration patience, List<Hold> holding, long seq, Journal.Span span,
                Journal journal) {
            this.fork = fork;
            this.patience = patience;
            this.holding = holding;
            this.seq = seq;
            this.span = span;
            this.journal = journal;
        }

        /** The fork asked for. */
        public Fork fork() {
            return fork;
        }

        public Journal.Worker waiter() {
            return span.worker();
        }

        /** How long the caller was ready to wait: empty for {@code lock()} (forever), zero for {@code tryLock()}. */
        public Optional<Duration> patience() {
            return Optional.ofNullable(patience);
        }

        /** The forks the caller already had in hand when it asked. */
        public List<Hold> holding() {
            return holding;
        }

        public long seq() {
            return seq;
        }

        public Outcome outcome() {
            return outcome.get();
        }

        /** How long it waited (or, while still waiting, has waited). */
        public Duration duration() {
            long end = span.isOpen() ? journal.now() : span.endNanos();
            return Duration.ofNanos(end - span.startNanos());
        }

        /** Still waiting, with no end in sight: forever, or longer than its patience plus {@code margin}. */
        boolean isStuck(Duration margin) {
            return outcome() == Outcome.WAITING
                    && (patience == null || duration().compareTo(patience.plus(margin)) > 0);
        }

        boolean close(Outcome how) {
            if (outcome.compareAndSet(Outcome.WAITING, how)) {
                journal.end(span, switch (how) {
                    case GOT_IT -> "done";
                    case GAVE_UP -> Lang.current().pick("gave up", "desistiu");
                    default -> Lang.current().pick("interrupted", "interrompido");
                });
                return true;
            }
            return false;
        }
    }

    /**
     * One back-off through {@link Seat#backOff(Duration)}.
     *
     * @param pause   what the caller asked for (the kitchen pauses at most {@link Seat#MAX_BACK_OFF})
     * @param holding the forks the caller had in hand when it began to back off: a neighbour waits for them
     *                through the whole pause
     */
    public record BackOff(Duration pause, long seq, Journal.Span span, List<Hold> holding) {
        public BackOff {
            holding = List.copyOf(holding);
        }

        public Journal.Worker worker() {
            return span.worker();
        }
    }

    /**
     * One call of {@link Seat#eat()}. Its span's outcome says how it ended: "done", "spilled",
     * "without both forks" or "interrupted".
     */
    public record Meal(Seat seat, long seq, Journal.Span span) {
        public Journal.Worker worker() {
            return span.worker();
        }

        /** True if the meal was eaten, with both forks in hand. */
        public boolean eaten() {
            return "done".equals(span.outcome());
        }
    }

    private final Journal journal = new Journal();
    private final AtomicLong seq = new AtomicLong();
    private final List<Fork> forks;
    private final Duration patience;
    private final Queue<Hold> holds = new ConcurrentLinkedQueue<>();
    private final Queue<Wait> waits = new ConcurrentLinkedQueue<>();
    private final Queue<BackOff> backOffs = new ConcurrentLinkedQueue<>();
    private final Queue<Meal> meals = new ConcurrentLinkedQueue<>();
    /** The hold of each fork that is in someone's hand now. */
    private final Map<Fork, Hold> inHand = new ConcurrentHashMap<>();
    /** The request each thread (by id) is waiting on now. */
    private final Map<Long, Wait> waiting = new ConcurrentHashMap<>();
    private final Set<Long> gathered = ConcurrentHashMap.newKeySet();
    private volatile Rendezvous gathering;
    private volatile Duration mealTime = Duration.ZERO;
    private volatile RuntimeException failure;

    /**
     * A table with {@code forks} forks, named "fork 0", "fork 1"…
     *
     * @param patience how long a philosopher waits for his second fork before he gives up ({@link Seat#patience()})
     */
    public Table(int forks, Duration patience) {
        if (forks < 1) {
            throw new IllegalArgumentException("a table needs at least one fork, was " + forks);
        }
        if (patience.isNegative()) {
            throw new IllegalArgumentException("patience cannot be negative, was " + patience);
        }
        this.patience = patience;
        List<Fork> made = new ArrayList<>();
        for (int i = 0; i < forks; i++) {
            made.add(new Fork(this, Lang.current().pick("fork ", "garfo ") + i));
        }
        this.forks = List.copyOf(made);
    }

    /** The seat between fork {@code left} and fork {@code right}. */
    public Seat seat(int left, int right) {
        if (left == right) {
            throw new IllegalArgumentException("a seat needs two different forks, was " + left + " twice");
        }
        return new Seat(this, fork(left), fork(right));
    }

    public Fork fork(int index) {
        return forks.get(index);
    }

    public List<Fork> forks() {
        return forks;
    }

    public Duration patience() {
        return patience;
    }

    /** From now on every meal lasts {@code time} (zero by default). */
    public Table mealsTake(Duration time) {
        this.mealTime = Objects.requireNonNull(time, "time");
        return this;
    }

    /** From now on every meal throws {@code failure}, after the philosopher sat down with both forks. */
    public Table failingWith(RuntimeException failure) {
        this.failure = Objects.requireNonNull(failure, "failure");
        return this;
    }

    /**
     * Forces the worst interleaving: from now on, the first time each thread picks up a fork of this table
     * it waits, fork in hand, until {@code philosophers} threads hold their first fork. Philosophers who
     * all start with their left fork then each want the fork a neighbour holds: the deadlock that happens
     * once in a while happens every time. A gathering that waits {@code atMost} in vain lets everyone (and
     * every later arrival) go on at once, and {@link #gathered()} stays false. The pause is not counted in
     * the {@link Hold}, which starts when it ends.
     */
    public Table gatherAfterFirstFork(int philosophers, Duration atMost) {
        this.gathering = new Rendezvous(philosophers, atMost);
        return this;
    }

    /** True if the gathering ({@link #gatherAfterFirstFork}) happened: everyone held a first fork at once. */
    public boolean gathered() {
        Rendezvous g = gathering;
        return g != null && g.met();
    }

    /** Every request for a fork so far, in the order they were made. */
    public List<Wait> waits() {
        return sorted(waits, Wait::seq);
    }

    /** Every time a fork was picked up so far, in order. */
    public List<Hold> holds() {
        return sorted(holds, Hold::seq);
    }

    /** Every back-off so far, in order. */
    public List<BackOff> backOffs() {
        return sorted(backOffs, BackOff::seq);
    }

    /** Every meal so far (eaten or not), in order. */
    public List<Meal> meals() {
        return sorted(meals, Meal::seq);
    }

    /**
     * A deadlock among this table's forks, if there is one now: a cycle of threads, each waiting for a fork
     * the next one holds, none of which can end on its own (it waits forever, or longer than its patience
     * plus {@code margin}). Described as "Plato holds fork 0 and waits for fork 1, Kant holds fork 1 and
     * waits for fork 0".
     *
     * <p>The philosophers change the record while it is read, so the requests and the hands are read at two
     * different moments: a request granted in between would be linked to the hold that followed it, a cycle
     * of one ("Plato holds fork 0 and waits for fork 0") that ends a correct scene. So a thread never blocks
     * itself here, and a cycle counts only if, read a second time, every request in it is still going on and
     * every fork still in the same hand: a request ends once and a hold ends once, so all the links held at
     * one same instant. A real deadlock never ends, so it is always seen.
     */
    public Optional<String> deadlock(Duration margin) {
        Map<Long, Wait> stuck = new HashMap<>();
        waiting.values().stream().filter(w -> w.isStuck(margin)).forEach(w -> stuck.put(w.waiter().id(), w));
        Map<Fork, Hold> held = Map.copyOf(inHand);
        for (Wait start : stuck.values()) {
            List<Wait> path = new ArrayList<>();
            List<Hold> links = new ArrayList<>();
            Wait w = start;
            while (w != null && !path.contains(w)) {
                Hold h = held.get(w.fork());
                path.add(w);
                links.add(h);
                w = h == null || h.holder().id() == w.waiter().id() ? null : stuck.get(h.holder().id());
            }
            if (w == null) {
                continue;
            }
            int from = path.indexOf(w);
            List<Wait> cycle = path.subList(from, path.size());
            if (cycle.stream().allMatch(c -> c.isStuck(margin))
                    && links.subList(from, links.size()).stream().allMatch(Hold::inHand)) {
                String text = cycle.stream().map(Table::describe).collect(Collectors.joining(", "));
                return Optional.of(Drawings.keep(new Drawing.Cycle(text, cycle.stream()
                        .map(c -> new Drawing.Link(c.waiter().label(),
                                c.holding().stream().map(h -> h.fork().name()).sorted().toList(), c.fork().name()))
                        .toList())));
            }
        }
        return Optional.empty();
    }

    /** Every span: holds, requests, back-offs and meals, each on the thread that did it. */
    public Journal journal() {
        return journal;
    }

    /** A thread cannot pick up a fork while it waits, so the forks it held when it asked are its hands now. */
    private static String describe(Wait w) {
        Lang lang = Lang.current();
        String held = w.holding().stream().map(h -> h.fork().name()).sorted()
                .collect(Collectors.joining(lang.pick(" and ", " e o ")));
        return w.waiter().label() + (held.isEmpty() ? lang.pick(" holds nothing", " não segura nada")
                : lang.pick(" holds ", " segura o ") + held) + lang.pick(" and waits for ", " e espera o ") + w.fork().name();
    }

    /** The holds of the forks the calling thread has in hand now, in the order it picked them up. */
    private List<Hold> heldByCurrentThread() {
        long me = Thread.currentThread().threadId();
        return sorted(inHand.values().stream().filter(h -> h.holder().id() == me).toList(), Hold::seq);
    }

    Wait startWaiting(Fork fork, Duration patience) {
        long me = Thread.currentThread().threadId();
        List<Hold> holding = heldByCurrentThread();
        Wait wait = new Wait(fork, patience, holding, seq.incrementAndGet(), journal.begin(Lang.current().pick("wants ", "quer ") + fork.name()),
                journal);
        waits.add(wait);
        holding.forEach(h -> h.during.add(wait));
        waiting.put(me, wait);
        return wait;
    }

    void stopWaiting(Wait wait, Outcome how) {
        wait.close(how);
        waiting.remove(Thread.currentThread().threadId(), wait);
    }

    void pickedUp(Fork fork) {
        Wait wait = waiting.get(Thread.currentThread().threadId());
        if (wait != null && wait.fork() == fork) {
            stopWaiting(wait, Outcome.GOT_IT);
        }
        gatherIfFirstFork();
        // Recorded after the gathering: a pause the table forces is not the philosopher's hold.
        Hold hold = new Hold(fork, seq.incrementAndGet(), journal.begin(Lang.current().pick("holds ", "segura ") + fork.name()), journal);
        holds.add(hold);
        inHand.put(fork, hold);
    }

    void putDown(Fork fork) {
        Hold hold = inHand.remove(fork);
        if (hold != null) {
            journal.end(hold.span, "done");
        }
    }

    void eat(Seat seat) {
        Meal meal = new Meal(seat, seq.incrementAndGet(), journal.begin(Lang.current().pick("eats", "come")));
        meals.add(meal);
        if (!seat.left().isHeldByCurrentThread() || !seat.right().isHeldByCurrentThread()) {
            journal.end(meal.span(), Lang.current().pick("without both forks", "sem os dois garfos"));
            throw new IllegalStateException(Thread.currentThread().getName() + Lang.current().pick(
                    " tried to eat without holding both ", " tentou comer sem segurar os dois garfos, ")
                    + seat.left().name() + Lang.current().pick(" and ", " e ") + seat.right().name());
        }
        try {
            pause(mealTime);
        } catch (InterruptedException e) {
            journal.end(meal.span(), Lang.current().pick("interrupted", "interrompido"));
            Thread.currentThread().interrupt();
            return;
        }
        RuntimeException spill = failure;
        if (spill != null) {
            journal.end(meal.span(), Lang.current().pick("spilled", "derramou"));
            throw spill;
        }
        journal.end(meal.span(), "done");
    }

    void backOff(Duration pause) throws InterruptedException {
        Objects.requireNonNull(pause, "pause");
        if (pause.isNegative()) {
            throw new IllegalArgumentException("a back-off cannot be negative, was " + pause);
        }
        BackOff backOff = new BackOff(pause, seq.incrementAndGet(), journal.begin(Lang.current().pick("backs off ", "recua ") + millis(pause)),
                heldByCurrentThread());
        backOffs.add(backOff);
        try {
            pause(pause.compareTo(Seat.MAX_BACK_OFF) > 0 ? Seat.MAX_BACK_OFF : pause);
        } catch (InterruptedException e) {
            journal.end(backOff.span(), Lang.current().pick("interrupted", "interrompido"));
            throw e;
        }
        journal.end(backOff.span(), "done");
    }

    /** "12 ms", or "0.35 ms" below a millisecond. */
    static String millis(Duration d) {
        long micros = d.toNanos() / 1_000;
        return micros >= 1_000 || micros == 0
                ? d.toMillis() + " ms" : String.format(Lang.current().locale(), "%.2f ms", micros / 1_000.0);
    }

    private void gatherIfFirstFork() {
        Rendezvous g = gathering;
        if (g == null || forks.stream().filter(Fork::isHeldByCurrentThread).count() != 1
                || !gathered.add(Thread.currentThread().threadId())) {
            return;
        }
        try {
            g.arriveAndAwait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration d) throws InterruptedException {
        if (d.isPositive()) {
            Thread.sleep(d);
        }
    }

    private static <T> List<T> sorted(Iterable<T> items, ToLongFunction<T> order) {
        List<T> copy = new ArrayList<>();
        items.forEach(copy::add);
        copy.sort(Comparator.comparingLong(order));
        return List.copyOf(copy);
    }
}
