package kitchen.trace;

import java.util.List;
import java.util.Objects;

/**
 * A picture a failure message shows, kept as data beside the text it was drawn as, so a report that is
 * not a terminal (the Classroom run page, an HTML page) can draw it with shapes instead of characters.
 * {@link #text()} is exactly the text the message carries: that is how a picture is matched to the
 * failure it belongs to (see {@link Drawings}).
 */
public sealed interface Drawing {

    /** The text drawn in the message. */
    String text();

    /**
     * Spans on a time axis (a {@link Timeline}): one row per span, in the journal's order.
     *
     * @param rangeMs how long the chart is, from its first span's start
     * @param rows    the rows drawn (at most as many as the text shows)
     * @param hidden  rows left out ("… 12 more")
     */
    record Spans(String text, long rangeMs, List<Row> rows, int hidden) implements Drawing {
        public Spans {
            text = Objects.toString(text, "");
            rows = List.copyOf(rows);
        }
    }

    /**
     * One span.
     *
     * @param label   what ("egg 3"); the worker is the thread that did it
     * @param startMs from the chart's start, to the microsecond (spans a fraction of a millisecond apart
     *                keep their order)
     * @param running still going when the chart was drawn (it ends at {@code endMs} = now)
     * @param outcome how it ended, empty when it simply finished ("burnt", "threw Burnt")
     */
    record Row(String label, String worker, boolean virtual, double startMs, double endMs, boolean running,
            String outcome) {
        public Row {
            // Names come from student code (a thread, a lock): a null is drawn as the word, never a crash.
            label = String.valueOf(label);
            worker = String.valueOf(worker);
            outcome = Objects.toString(outcome, "");
        }
    }

    /** Threads waiting for each other in a ring: a deadlock. */
    record Cycle(String text, List<Link> links) implements Drawing {
        public Cycle {
            text = Objects.toString(text, "");
            links = List.copyOf(links);
        }
    }

    /** One thread of a cycle: what it holds, and what it waits for (which the next thread holds). */
    record Link(String thread, List<String> holds, String waitsFor) {
        public Link {
            thread = String.valueOf(thread);
            holds = holds.stream().map(String::valueOf).toList();
            waitsFor = Objects.toString(waitsFor, "");
        }
    }
}
