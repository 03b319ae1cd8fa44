package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kitchen.grader.protocol.Picture;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Mermaid the kit writes, line by line, on the shapes it produces. (That Mermaid itself parses and
 * draws them is checked by {@code scripts/report-check} in Chromium, with Mermaid's own parser.)
 */
class MermaidPicturesTest {

    @Test
    @DisplayName("a timeline is a gantt in milliseconds, a section per thread; an instant is a milestone, its end in its name")
    void gantt() {
        assertThat(MermaidPictures.gantt(Fixtures.POOL_OF_TWO, Lang.EN)).isEqualTo("""
                gantt
                    title What the threads did, from the first start
                    dateFormat x
                    axisFormat %s.%L s
                    section pool-1-thread-1
                    egg 1 :r0, 0, 1700
                    egg 3 (cracked) :milestone, r1, 1700, 0ms
                    section pool-1-thread-2
                    egg 2 :r2, 0, 2700
                """);
    }

    @Test
    @DisplayName("a running span is active; only the first rows are drawn, and the rest are counted below")
    void runningAndMore() {
        List<Picture.Bar> bars = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new Picture.Bar("egg " + i, "virtual#" + i, true, i, 1000, i == 0, "")).toList();
        String block = MermaidPictures.block(new Picture.Timeline("", 1000, bars, 9988), Lang.PT_BR);
        assertThat(block).startsWith("```mermaid\ngantt\n    title O que as threads fizeram")
                .contains("    egg 0 (ainda rodando) :active, r0, 0, 1000\n")
                .doesNotContain("egg 8 ")
                .endsWith("```\n\n… e mais 9992 linhas\n");
        assertThat(block.lines().filter(l -> l.matches(" {4}egg \\d+.*")).count()).isEqualTo(MermaidPictures.MAX_ROWS);
    }

    @Test
    @DisplayName("a deadlock is a graph: thread → holds → lock → waited for by → thread, in the grade's language")
    void graph() {
        assertThat(MermaidPictures.graph(Fixtures.STANDOFF, Lang.PT_BR)).isEqualTo("""
                flowchart LR
                    t0(["Plato"])
                    t1(["Kant"])
                    l0["fork 0"]
                    l1["fork 1"]
                    t0 -->|segura| l0
                    l1 -->|esperado por| t0
                    t1 -->|segura| l1
                    l0 -->|esperado por| t1
                """);
    }

    @Test
    @DisplayName("names from student code cannot break the diagram: Mermaid's syntax characters are dropped or escaped")
    void hostileNames() {
        Picture.Timeline t = new Picture.Timeline("", 10, List.of(new Picture.Bar("egg: 1; #2 `x` |y| %%z", "th:read;#1",
                false, 0, 10, false, "")), 0);
        String gantt = MermaidPictures.gantt(t, Lang.EN);
        assertThat(gantt).contains("    section th read 1\n").contains("    egg 1 2 x y z :r0, 0, 10\n");
        Picture.Cycle c = new Picture.Cycle(List.of(new Picture.Link("say \"hi\" <b>#1</b>", List.of("lock|\"a\""), "")));
        assertThat(MermaidPictures.graph(c, Lang.EN))
                .contains("t0([\"say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt;\"])")
                .contains("l0[\"lock|#quot;a#quot;\"]");
        // A name of syntax characters only still names its section; a backtick cannot open a markdown string.
        Picture.Timeline odd = new Picture.Timeline("", 10, List.of(new Picture.Bar("::", "<>", false, 0, 10, false, "")), 0);
        assertThat(MermaidPictures.gantt(odd, Lang.EN)).contains("    section ?\n    ? :r0, 0, 10\n");
        assertThat(MermaidPictures.graph(new Picture.Cycle(List.of(new Picture.Link("`worker", List.of(), "x"))), Lang.EN))
                .contains("t0([\"#96;worker\"])");
    }

    @Test
    @DisplayName("a cycle of hundreds of threads draws its first few, and counts the rest")
    void bigCycle() {
        Picture.Cycle crowd = new Picture.Cycle(java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new Picture.Link("t" + i, List.of("l" + i), "l" + ((i + 1) % 300))).toList());
        String block = MermaidPictures.block(crowd, Lang.EN);
        assertThat(block.lines().filter(l -> l.contains("([")).count()).isEqualTo(MermaidPictures.MAX_ROWS);
        assertThat(block).endsWith("\n… and 292 more rows\n");
    }
}
