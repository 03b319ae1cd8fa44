package kitchen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DrawingsTest {

    @BeforeEach
    void empty() {
        Drawings.takeAll();
    }

    @Test
    @DisplayName("a timeline drawn as text is kept as data too: the same text, a row per span, times from the first start")
    void timelineKeepsItsData() throws InterruptedException {
        Journal journal = new Journal();
        Journal.Span first = journal.begin("egg 1");
        Thread.sleep(5);
        journal.end(first, "done");
        Journal.Span burnt = journal.begin("egg 2");
        journal.end(burnt, "burnt");
        journal.begin("egg 3");

        String text = Timeline.of(journal);

        List<Drawing> kept = Drawings.takeAll();
        assertThat(kept).singleElement().isInstanceOf(Drawing.Spans.class);
        Drawing.Spans spans = (Drawing.Spans) kept.getFirst();
        assertThat(spans.text()).isEqualTo(text);
        assertThat(spans.rows()).extracting(Drawing.Row::label).containsExactly("egg 1", "egg 2", "egg 3");
        assertThat(spans.rows().getFirst().startMs()).isZero();
        assertThat(spans.rows().getFirst().endMs()).isGreaterThanOrEqualTo(5.0);
        // egg 2 began after egg 1 ended, even less than a millisecond later: the order survives.
        assertThat(spans.rows().get(1).startMs()).isGreaterThanOrEqualTo(spans.rows().getFirst().endMs());
        assertThat(spans.rows().get(1).outcome()).isEqualTo("burnt");
        assertThat(spans.rows().getFirst().outcome()).as("a plain end says nothing").isEmpty();
        assertThat(spans.rows().get(2).running()).isTrue();
        assertThat(spans.rows().getFirst().worker()).isEqualTo(Thread.currentThread().getName());
        assertThat(spans.hidden()).isZero();
        assertThat(Drawings.takeAll()).as("taken once").isEmpty();
    }

    @Test
    @DisplayName("a long timeline keeps the rows its text shows and counts the rest")
    void longTimelineCountsHiddenRows() {
        Journal journal = new Journal();
        for (int i = 0; i < 30; i++) {
            journal.end(journal.begin("egg " + i), "done");
        }
        Timeline.of(journal);
        Drawing.Spans spans = (Drawing.Spans) Drawings.takeAll().getFirst();
        assertThat(spans.rows()).hasSize(24);
        assertThat(spans.hidden()).isEqualTo(6);
        assertThat(spans.text()).contains("6");
    }

    @Test
    @DisplayName("only the latest drawings are kept: a test that draws in a loop cannot fill the JVM")
    void bounded() {
        for (int i = 0; i < 100; i++) {
            Drawings.keep(new Drawing.Cycle("cycle " + i, List.of()));
        }
        List<Drawing> kept = Drawings.takeAll();
        assertThat(kept).hasSize(32);
        assertThat(kept.getLast().text()).isEqualTo("cycle 99");
    }
}
