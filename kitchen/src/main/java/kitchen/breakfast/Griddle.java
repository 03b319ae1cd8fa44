package kitchen.breakfast;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.grading.Lang;
import kitchen.trace.Journal;

/**
 * A griddle that fries an {@link Order} into a {@link Plate}, and tells on whoever uses it. It announces
 * each cooking the way the lecture's {@code boil_eggs()} does ("Frying eggs…", then "Eggs done!") and
 * writes it to a {@link Journal}: which thread fried what, from when to when, and how it ended.
 *
 * <p>Student code needs only {@link #fry(Order)}. The graded tests also use the rest: they read
 * {@link #cookings()} and {@link #plates()}, make the griddle fail ({@link #failingWith}), or keep every
 * cook inside it until they {@link #release()} it ({@link #hold}), to watch what the caller does
 * meanwhile.
 */
public final class Griddle {

    /** Who may leave the griddle: an open gate, or one a test holds for at most some time. */
    private record Hold(CountDownLatch gate, Duration atMost) {
        static final Hold OPEN = new Hold(new CountDownLatch(0), Duration.ZERO);
    }

    private final Journal journal;
    private final PrintStream out;
    private final List<Journal.Span> cookings = new CopyOnWriteArrayList<>();
    private final List<Plate> plates = new CopyOnWriteArrayList<>();
    private final AtomicInteger platesMade = new AtomicInteger();
    private volatile Hold hold = Hold.OPEN;
    private volatile RuntimeException failure;

    /** A griddle that prints to {@code System.out} and keeps its own journal. */
    public Griddle() {
        this(new Journal(), System.out);
    }

    /**
     * A griddle that records into {@code journal} (so a test can draw it next to its own spans) and
     * prints to {@code out}.
     */
    public Griddle(Journal journal, PrintStream out) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Fries the order on the calling thread and returns its plate, printing "Frying &lt;dish&gt;…" when
     * it starts and "&lt;Dish&gt; done!" when the plate is ready.
     *
     * @throws RuntimeException whatever {@link #failingWith} set, after printing "Frying…"
     */
    public Plate fry(Order order) {
        Objects.requireNonNull(order, "order");
        Journal.Span cooking = journal.begin(Lang.current().pick("fry " + order.dish(), "fritar \"" + order.dish() + "\""));
        cookings.add(cooking);
        out.println("Frying " + order.dish() + "…");
        waitWhileHeld();
        RuntimeException burnt = failure;
        if (burnt != null) {
            journal.end(cooking, Lang.current().pick("burnt", "queimou"));
            throw burnt;
        }
        Plate plate = new Plate(order, platesMade.incrementAndGet());
        plates.add(plate);
        out.println(Character.toUpperCase(order.dish().charAt(0)) + order.dish().substring(1) + " done!");
        journal.end(cooking, "done");
        return plate;
    }

    /**
     * From now on every cook waits inside {@link #fry} after printing "Frying…", until {@link #release()}
     * or until {@code atMost} has passed. A wait that runs out opens the gate for good, so a wrong
     * submission costs one bounded wait, not one per cook. An interrupted cook stops waiting (and keeps
     * its interrupt status).
     */
    public Griddle hold(Duration atMost) {
        hold = new Hold(new CountDownLatch(1), atMost);
        return this;
    }

    /** Lets every held cook, and every later one, finish. */
    public void release() {
        hold.gate().countDown();
    }

    /** From now on every {@link #fry} throws {@code failure} instead of returning a plate. */
    public Griddle failingWith(RuntimeException failure) {
        this.failure = Objects.requireNonNull(failure, "failure");
        return this;
    }

    /** Every call of {@link #fry} so far, finished or not, in the order they started. */
    public List<Journal.Span> cookings() {
        return List.copyOf(cookings);
    }

    /** Every plate this griddle made, in the order it made them. */
    public List<Plate> plates() {
        return List.copyOf(plates);
    }

    public Journal journal() {
        return journal;
    }

    private void waitWhileHeld() {
        Hold current = hold;
        try {
            if (!current.gate().await(current.atMost().toNanos(), TimeUnit.NANOSECONDS)) {
                current.gate().countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
