package kitchen.pantry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kitchen.grading.Lang;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;

/**
 * A slow pantry: fetching an item takes a fixed latency during which the caller does nothing but wait, like
 * a query to a database or a call to another service. That waiting is I/O, not work: a virtual thread that
 * waits here gives its carrier thread back, so thousands of fetches can wait at once on a few cores.
 *
 * <pre>{@code
 * Pantry pantry = new Pantry(Duration.ofMillis(100));
 * String jar = pantry.fetch("flour");   // "a jar of flour", 100 ms later
 * }</pre>
 *
 * <p>Every fetch is recorded: a span in the {@link #journal()} (which thread, virtual or not, from when to
 * when) and the {@link #crew()} (how many fetches are inside now, the most at once, which threads).
 *
 * <p>Graded tests also build inspecting pantries: {@link #gated} makes every fetch meet the others at a
 * {@link Rendezvous} first (only callers that wait <em>at the same time</em> can open it), and
 * {@link #holding} keeps every fetch inside until the test calls {@link #release()}. Both waits are bounded,
 * so wrong code fails fast instead of hanging.
 */
public final class Pantry {

    private final Duration latency;
    private final Rendezvous gate;
    private final CountDownLatch hold;
    private final Duration maxHold;
    private final Journal journal = new Journal();
    private final Crew crew = new Crew();
    private volatile boolean holdExpired;

    /** A pantry whose every fetch takes {@code latency}. */
    public Pantry(Duration latency) {
        this(latency, null, null);
    }

    private Pantry(Duration latency, Rendezvous gate, Duration maxHold) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        this.latency = latency;
        this.gate = gate;
        this.maxHold = maxHold;
        this.hold = maxHold == null ? null : new CountDownLatch(1);
    }

    /** For graded tests: every fetch first meets the others at {@code gate}, then takes its latency. */
    public static Pantry gated(Duration latency, Rendezvous gate) {
        return new Pantry(latency, Objects.requireNonNull(gate, "gate"), null);
    }

    /**
     * For graded tests: every fetch waits inside the pantry until {@link #release()}, or at most
     * {@code maxHold}, then takes its latency.
     */
    public static Pantry holding(Duration latency, Duration maxHold) {
        return new Pantry(latency, null, Objects.requireNonNull(maxHold, "maxHold"));
    }

    /**
     * Fetches one item, waiting the pantry's latency on the calling thread.
     *
     * @param item what to fetch, e.g. {@code "flour"}; must not be null or blank
     * @return {@code "a jar of "} + item
     * @throws IllegalArgumentException if {@code item} is null or blank (nothing to fetch)
     * @throws InterruptedException     if the caller is interrupted while it waits
     */
    public String fetch(String item) throws InterruptedException {
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("nothing to fetch: name an item, e.g. flour");
        }
        Journal.Span span = journal.begin(Lang.current().pick("fetch ", "buscar ") + item);
        crew.clockIn();
        String outcome = Lang.current().pick("interrupted", "interrompido");
        try {
            if (gate != null) {
                gate.arriveAndAwait();
            }
            if (hold != null && !hold.await(maxHold.toNanos(), TimeUnit.NANOSECONDS)) {
                holdExpired = true;
            }
            Thread.sleep(latency);
            outcome = "done";
            return "a jar of " + item;
        } finally {
            crew.clockOut();
            journal.end(span, outcome);
        }
    }

    /** Lets every fetch held by a {@link #holding} pantry go on, now and from now on. */
    public void release() {
        if (hold != null) {
            hold.countDown();
        }
    }

    /** True if a {@link #holding} pantry let a fetch go because {@code maxHold} passed before {@link #release()}. */
    public boolean holdExpired() {
        return holdExpired;
    }

    public Duration latency() {
        return latency;
    }

    /** Every fetch as a span, with its thread. */
    public Journal journal() {
        return journal;
    }

    /** How many fetches are inside now, the most at once, and their threads. */
    public Crew crew() {
        return crew;
    }
}
