package kitchen.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe record of what happened in the kitchen: spans (an egg on the stove, a request in the
 * pantry, a block being hashed) with the thread that did them and when, and point events in the exact
 * order they happened. Collaborators write to it; graded tests read it and draw it as a {@link Timeline}.
 */
public final class Journal {

    /** Who did something: enough to tell threads apart after they are gone. */
    public record Worker(long id, String name, boolean virtual) {
        static Worker current() {
            Thread t = Thread.currentThread();
            return new Worker(t.threadId(), t.getName(), t.isVirtual());
        }

        /** A short label: the thread's name, or "virtual#id" for unnamed virtual threads. */
        public String label() {
            if (name == null || name.isEmpty()) {
                return (virtual ? "virtual#" : "thread#") + id;
            }
            return name;
        }
    }

    /** One thing that happened at one instant; {@code seq} orders events exactly. */
    public record Event(long seq, String what, Worker worker, long nanos) {
    }

    /** Something that took time. Open spans have {@code endNanos == -1}. */
    public static final class Span {
        private final String what;
        private final Worker worker;
        private final long startNanos;
        private volatile long endNanos = -1;
        private volatile String outcome = "";

        private Span(String what, Worker worker, long startNanos) {
            this.what = what;
            this.worker = worker;
            this.startNanos = startNanos;
        }

        public String what() {
            return what;
        }

        public Worker worker() {
            return worker;
        }

        public long startNanos() {
            return startNanos;
        }

        public long endNanos() {
            return endNanos;
        }

        public boolean isOpen() {
            return endNanos < 0;
        }

        /** How the span ended ("done", "cracked", "interrupted"…); empty while open or if unnamed. */
        public String outcome() {
            return outcome;
        }
    }

    private final long origin = System.nanoTime();
    private final AtomicLong seq = new AtomicLong();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

    /** Nanoseconds since this journal was created. */
    public long now() {
        return System.nanoTime() - origin;
    }

    /** Records a point event on the calling thread. */
    public Event event(String what) {
        // seq is taken and the event added under one lock so the queue's order is the seq order.
        synchronized (events) {
            Event e = new Event(seq.incrementAndGet(), what, Worker.current(), now());
            events.add(e);
            return e;
        }
    }

    /** Opens a span on the calling thread. */
    public Span begin(String what) {
        Span s = new Span(what, Worker.current(), now());
        spans.add(s);
        return s;
    }

    /** Closes a span with how it ended. Closing twice keeps the first end. */
    public void end(Span span, String outcome) {
        synchronized (span) {
            if (span.endNanos < 0) {
                span.outcome = outcome;
                span.endNanos = now();
            }
        }
    }

    /** Events in the order they happened. */
    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Spans sorted by start time. */
    public List<Span> spans() {
        List<Span> copy = new ArrayList<>(spans);
        copy.sort(Comparator.comparingLong(Span::startNanos));
        return copy;
    }

    /** The largest number of spans open at one instant (ends before starts at the same nanosecond). */
    public int peakOverlap() {
        return peakOverlap(spans());
    }

    static int peakOverlap(List<Span> spans) {
        long nowNanos = Long.MAX_VALUE;
        List<long[]> edges = new ArrayList<>();
        for (Span s : spans) {
            edges.add(new long[] {s.startNanos(), +1});
            edges.add(new long[] {s.isOpen() ? nowNanos : s.endNanos(), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int open = 0;
        int peak = 0;
        for (long[] e : edges) {
            open += (int) e[1];
            peak = Math.max(peak, open);
        }
        return peak;
    }
}
