package kitchen.grader.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kitchen.trace.Drawing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PictureTest {

    static final Drawing.Spans EGGS = new Drawing.Spans("egg 1 |===  |\negg 2 |  ===|\n", 100,
            List.of(new Drawing.Row("egg 1", "pool-1-thread-1", false, 0, 60, false, ""),
                    new Drawing.Row("egg 2", "pool-1-thread-1", false, 60, 100, false, "burnt")), 0);
    static final Drawing.Cycle STANDOFF = new Drawing.Cycle("Plato holds fork 0 and waits for fork 1, Kant holds fork 1 and waits for fork 0",
            List.of(new Drawing.Link("Plato", List.of("fork 0"), "fork 1"),
                    new Drawing.Link("Kant", List.of("fork 1"), "fork 0")));

    @Test
    @DisplayName("a test gets the pictures its message shows, each once, and none it does not show")
    void shownIn() {
        Drawing other = new Drawing.Spans("bread |=|\n", 5, List.of(), 0);
        String message = "observed: a deadlock: " + STANDOFF.text() + "\n\n" + EGGS.text().stripTrailing();
        List<Picture> pictures = Picture.shownIn(message, List.of(other, EGGS, STANDOFF, EGGS));
        assertThat(pictures).hasSize(2);
        assertThat(pictures.get(0)).isInstanceOf(Picture.Timeline.class);
        assertThat(pictures.get(1)).isEqualTo(new Picture.Cycle(List.of(new Picture.Link("Plato", List.of("fork 0"), "fork 1"),
                new Picture.Link("Kant", List.of("fork 1"), "fork 0"))));
        assertThat(Picture.shownIn("observed: nothing drawn", List.of(EGGS, STANDOFF))).isEmpty();
    }

    @Test
    @DisplayName("at most a few pictures per test")
    void atMostAFew() {
        List<Drawing> many = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> (Drawing) new Drawing.Cycle("cycle " + i + ";", List.of())).toList();
        String message = many.stream().map(Drawing::text).reduce("", String::concat);
        assertThat(Picture.shownIn(message, many)).hasSize(Picture.MAX_PER_TEST);
    }

    @Test
    @DisplayName("pictures cross between the JVMs in a results line, each with its kind")
    void roundTrip() {
        List<Picture> pictures = Picture.shownIn(STANDOFF.text() + "\n" + EGGS.text(), List.of(EGGS, STANDOFF));
        RunEvent event = RunEvent.finished("eggs.BoilAllTest", "allAtOnce", "all at once", RunEvent.Verdict.FAILED, 3,
                "message", 12, pictures);
        String json = event.json();
        assertThat(json).contains("\"kind\":\"timeline\"").contains("\"kind\":\"cycle\"");
        assertThat(RunEvent.parse(json)).isEqualTo(event);
        // A line written without pictures (an older runner, a passed test) reads as none.
        assertThat(RunEvent.parse(json.replaceAll(",\"pictures\":\\[.*]", "")).pictures()).isEmpty();
    }

    @Test
    @DisplayName("the peak overlap counts bars under way together; an instant counts only at its instant; end-to-start is not overlap")
    void peakOverlap() {
        Picture.Timeline pool = new Picture.Timeline("", 2700, List.of(
                bar(0, 1700), bar(0, 2700), bar(1700.2, 1700.25), bar(1700.26, 1700.3), bar(1700.31, 1700.4)), 0);
        assertThat(pool.peakOverlap()).isEqualTo(2);
        Picture.Timeline staircase = new Picture.Timeline("", 300, List.of(bar(0, 100), bar(100, 200), bar(200, 300)), 0);
        assertThat(staircase.peakOverlap()).isEqualTo(1);
        Picture.Timeline together = new Picture.Timeline("", 300, List.of(bar(0, 300), bar(1, 300), bar(2, 300)), 0);
        assertThat(together.peakOverlap()).isEqualTo(3);
        assertThat(bar(1700.2, 1700.25).instantIn(2700)).isTrue();
        assertThat(bar(0, 1700).instantIn(2700)).isFalse();
    }

    @Test
    @DisplayName("names and times from student code cannot make a picture that fails to draw: nulls become text, times finite")
    void oddData() {
        Drawing.Cycle nullLock = new Drawing.Cycle(null, java.util.Arrays.asList(
                new Drawing.Link(null, java.util.Arrays.asList("fork 0", null), null)));
        assertThat(nullLock.links().getFirst().holds()).containsExactly("fork 0", "null");
        Picture.Bar nan = new Picture.Bar(null, null, false, Double.NaN, Double.POSITIVE_INFINITY, false, null);
        assertThat(nan.startMs()).isZero();
        assertThat(nan.endMs()).isZero();
        assertThat(nan.label()).isEmpty();
        Picture.Bar backwards = new Picture.Bar("egg", "t", false, 50, 10, false, "");
        assertThat(backwards.endMs()).isEqualTo(50);
    }

    private static Picture.Bar bar(double start, double end) {
        return new Picture.Bar("egg", "t", false, start, end, false, "");
    }
}
