package kitchen.grader.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import kitchen.trace.Drawing;

/**
 * A picture of a failed test (what its threads did, or the cycle they deadlocked in), carried from the
 * test JVM to the grader as data so every report can draw it its own way: text in the console, Mermaid
 * on the Classroom run page, SVG in {@code report.html}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Picture.Timeline.class, name = "timeline"),
        @JsonSubTypes.Type(value = Picture.Cycle.class, name = "cycle")})
public sealed interface Picture {

    /** A test shows a few pictures; more would only repeat what the message already says. */
    int MAX_PER_TEST = 4;

    /**
     * Spans on a time axis, one row each, in the order they began.
     *
     * @param text    the text timeline the message carries (a report that draws the picture leaves it out)
     * @param rangeMs the chart's length, from the first span's start
     * @param hidden  rows not carried ("… 12 more")
     */
    record Timeline(String text, long rangeMs, List<Bar> bars, int hidden) implements Picture {
        public Timeline {
            text = Objects.toString(text, "");
            rangeMs = Math.max(0, rangeMs);
            hidden = Math.max(0, hidden);
            bars = bars == null ? List.of() : bars.stream().filter(Objects::nonNull).toList();
        }

        /**
         * The most bars under way at one instant: a bar ending as another starts does not overlap it, and an
         * instant (a bar with no length) overlaps only the bars under way around it.
         */
        public int peakOverlap() {
            int peak = 0;
            for (Bar b : bars) {
                double at = b.startMs();
                int overlapping = (int) bars.stream()
                        .filter(o -> o == b || (o.startMs() <= at && at < o.endMs())).count();
                peak = Math.max(peak, overlapping);
            }
            return peak;
        }
    }

    /**
     * @param running still going when the picture was drawn
     * @param outcome how it ended when not simply done ("burnt", "threw Burnt"); empty otherwise
     */
    record Bar(String label, String thread, boolean virtual, double startMs, double endMs, boolean running,
            String outcome) {

        /** Whatever a line held, a bar is drawable: text never null, times finite and in order. */
        public Bar {
            label = Objects.toString(label, "");
            thread = Objects.toString(thread, "");
            outcome = Objects.toString(outcome, "");
            startMs = Double.isFinite(startMs) ? Math.max(0, startMs) : 0;
            endMs = Double.isFinite(endMs) ? Math.max(startMs, endMs) : startMs;
        }

        /** Shorter than this part of the chart, a bar is drawn as an instant (a mark), not as a length. */
        public boolean instantIn(double rangeMs) {
            return endMs - startMs < rangeMs / 200.0;
        }
    }

    /** Threads that each hold what the next one waits for. */
    record Cycle(List<Link> links) implements Picture {
        public Cycle {
            links = links == null ? List.of() : links.stream().filter(Objects::nonNull).toList();
        }
    }

    record Link(String thread, List<String> holds, String waitsFor) {
        public Link {
            thread = Objects.toString(thread, "");
            holds = holds == null ? List.of() : holds.stream().map(h -> Objects.toString(h, "")).toList();
            waitsFor = Objects.toString(waitsFor, "");
        }
    }

    /** The picture of a drawing made in the test JVM. */
    static Picture of(Drawing drawing) {
        return switch (drawing) {
            case Drawing.Spans s -> new Timeline(s.text(), s.rangeMs(), s.rows().stream()
                    .map(r -> new Bar(r.label(), r.worker(), r.virtual(), r.startMs(), r.endMs(), r.running(),
                            r.outcome()))
                    .toList(), s.hidden());
            case Drawing.Cycle c -> new Cycle(c.links().stream()
                    .map(l -> new Link(l.thread(), l.holds(), l.waitsFor())).toList());
        };
    }

    /**
     * The pictures among {@code drawings} that {@code message} shows (their text is in it), in order, each
     * once, at most {@link #MAX_PER_TEST}.
     */
    static List<Picture> shownIn(String message, List<Drawing> drawings) {
        return drawings.stream()
                .filter(d -> !d.text().isBlank() && message.contains(d.text().strip()))
                .map(Drawing::text).distinct()
                .map(text -> drawings.stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow())
                .map(Picture::of).limit(MAX_PER_TEST).toList();
    }
}
