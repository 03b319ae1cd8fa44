package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import kitchen.grader.protocol.Picture;
import kitchen.grader.score.Grade;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    @DisplayName("one page, nothing to fetch and no script: the table, the feedback, the pictures as SVG")
    void selfContained() {
        Grade grade = Fixtures.grade(Lang.EN, Fixtures.lazyBreakfast(), Fixtures.pictured(), Fixtures.chopOnions());
        String page = HtmlReport.render(grade, "");
        assertThat(page).startsWith("<!doctype html>\n<html lang=\"en\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"")
                .doesNotContainIgnoringCase("<script")
                .contains("<th class=\"points\" id=\"total\">10 / 28</th>")
                .contains("<figure data-test=\"BoilAllTest.allAtOnce\">\n<svg class=\"timeline\"")
                .contains("<svg class=\"cycle\"");
        // The text timeline is drawn, so not printed as well; the sentence with the cycle stays.
        assertThat(page).doesNotContain("|=====").contains("Plato holds fork 0 and waits for fork 1");
        // The only URL is the SVG namespace, which is a name, never fetched.
        assertThat(Pattern.compile("https?://").matcher(page.replace("http://www.w3.org/2000/svg", "")).find()).isFalse();
    }

    @Test
    @DisplayName("a practice check (all the student template has) shows its pictures too")
    void practicePictures() {
        kitchen.grader.score.TestResult check = new kitchen.grader.score.TestResult("boilAll boils the eggs together",
                "eggs.ChefTest", "boilAllBoilsTheEggsTogether", kitchen.grader.score.TestStatus.FAILED, 0, 0,
                "observed: at most 2 of 3 eggs at once\n\n" + Fixtures.POOL_OF_TWO.text(), java.time.Duration.ZERO,
                java.util.List.of(Fixtures.POOL_OF_TWO));
        var practice = new kitchen.grader.score.ExerciseResult("02-boil-eggs", "boil eggs", 0, 0,
                kitchen.grader.score.ExerciseStatus.PRACTICE, "", java.util.List.of(check), java.time.Duration.ZERO, "");
        String page = HtmlReport.render(Fixtures.grade(Lang.EN, practice), "");
        assertThat(page).contains("<figure data-test=\"ChefTest.boilAllBoilsTheEggsTogether\">\n<svg class=\"timeline\"")
                .contains("observed: at most 2 of 3 eggs at once").doesNotContain("|=====");
    }

    @Test
    @DisplayName("whatever a student's code puts in a message is text on the page, never markup")
    void hostile() {
        String page = HtmlReport.render(Fixtures.grade(Lang.EN), "<b>ana</b>");
        assertThat(page).doesNotContain("</testcase>").doesNotContain("<failure>").doesNotContain("\u0000")
                .doesNotContain("<b>ana</b>").contains("&lt;/testcase&gt;").contains("&lt;b&gt;ana&lt;/b&gt;");
    }

    @Test
    @DisplayName("in Portuguese, the page's words and the pictures' labels are Portuguese")
    void portuguese() {
        String page = HtmlReport.render(Fixtures.grade(Lang.PT_BR, Fixtures.pictured()), "");
        assertThat(page).contains("<html lang=\"pt-BR\">").contains("comentários").contains("O que as threads fizeram")
                .contains(">segura<").contains(">esperado por<").doesNotContain(">holds<");
    }

    @Test
    @DisplayName("the SVG timeline draws every row with the report's times; an instant is a mark; the cycle runs thread, lock, thread")
    void svg() {
        String svg = SvgPictures.timeline(Fixtures.POOL_OF_TWO, Lang.EN);
        assertThat(svg).contains("data-rows=\"3\"").contains("data-start-ms=\"0\" data-end-ms=\"1700\"")
                .contains("data-start-ms=\"0\" data-end-ms=\"2700\"").contains("<path class=\"instant done\" data-at-ms=\"1700.2\"");
        assertThat(svg.split("<g class=\"row\">", -1)).hasSize(4);
        assertThat(SvgPictures.ring(Fixtures.STANDOFF)).containsExactly("t:0:Plato", "l:fork 0", "t:1:Kant", "l:fork 1");
        // Two threads may share a name: still two nodes.
        Picture.Cycle twins = new Picture.Cycle(java.util.List.of(new Picture.Link("worker", java.util.List.of("a"), "b"),
                new Picture.Link("worker", java.util.List.of("b"), "a")));
        assertThat(SvgPictures.cycle(twins, Lang.EN).split("<g class=\"node thread\">", -1)).hasSize(3);
        // A ring of 300 is drawn as its first 12, and says so.
        Picture.Cycle crowd = new Picture.Cycle(java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new Picture.Link("t" + i, java.util.List.of("l" + i), "l" + ((i + 1) % 300))).toList());
        assertThat(SvgPictures.cycle(crowd, Lang.EN)).contains("data-threads=\"12\"").contains("… and 288 more rows");
        assertThat(SvgPictures.cycle(new Picture.Cycle(java.util.List.of()), Lang.EN)).isEmpty();
    }
}
