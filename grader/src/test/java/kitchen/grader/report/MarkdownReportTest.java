package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.TestResult;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    @DisplayName("an untouched stub is one line: not started, and where to begin")
    void notStarted() {
        String md = MarkdownReport.render(Fixtures.grade(Lang.EN, Fixtures.lazyBreakfast(), Fixtures.notStarted()));
        assertThat(md).contains("- 05-shared-results — shared results: 0 / 12, **not started** — the code is the "
                + "stub, unchanged");
        assertThat(md).doesNotContain("two cooks lose nothing");
    }

    @Test
    @DisplayName("the heading carries the total and the table has one row per exercise plus the score")
    void table() {
        String md = MarkdownReport.render(Fixtures.grade(Lang.EN));

        assertThat(md).startsWith("# Concurrency Kitchen — 22 / 45\n");
        assertThat(md).contains("| exercise | points | status |")
                .contains("| 01-lazy-breakfast — lazy breakfast | 10 / 10 | ✅ passed |")
                .contains("| 02-boil-eggs — boil eggs concurrently | 12 / 20 | 🟡 partial |")
                .contains("| 04-chop-onions — chop onions in parallel | 0 / 15 | ⚠️ compile error |")
                .contains("| **score** | **22 / 45** | |");
    }

    @Test
    @DisplayName("feedback lists each test that did not pass with the points lost, in a details section")
    void details() {
        String md = MarkdownReport.render(Fixtures.grade(Lang.EN));

        assertThat(md).doesNotContain("<summary>01-lazy-breakfast");
        assertThat(md).contains("<summary>02-boil-eggs — boil eggs concurrently: 12 / 20 (2 of 3 tests did not pass)</summary>\n\n")
                .contains("**all eggs are on the stove at the same time** — failed, points lost: 5\n\n```text\n"
                        + Fixtures.TIMELINE + "\n```\n")
                .contains("<summary>04-chop-onions")
                .contains("**⚠️ compile error**");
        assertThat(count(md, "<details>")).isEqualTo(2);
        assertThat(count(md, "</details>")).isEqualTo(2);
    }

    @Test
    @DisplayName("pipes and backticks cannot break the table or close a code block early")
    void hostile() {
        String md = MarkdownReport.render(Fixtures.grade(Lang.EN));

        // The test name is escaped where it is Markdown…
        assertThat(md).contains("**a cracked egg \\| \\`fails\\` fast** — error");
        // …and the message's ``` run is fenced by four backticks, so the block ends where we end it.
        String block = md.substring(md.indexOf("````text\n") + 9);
        block = block.substring(0, block.indexOf("\n````\n"));
        assertThat(block).isEqualTo(Text.clean(Fixtures.HOSTILE));
        assertThat(md).doesNotContain("\u0000", "\u001b", "\u0007");
        // Every table row still has exactly four unescaped pipes.
        md.lines().filter(l -> l.startsWith("| ")).forEach(row ->
                assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(4));
    }

    @Test
    @DisplayName("escaping helpers: table-safe inline text and HTML-safe summary text")
    void escaping() {
        assertThat(MarkdownReport.inline("a|b`c*d_e[f]g<h>i\nj\\k")).isEqualTo("a\\|b\\`c\\*d\\_e\\[f\\]g\\<h\\>i j\\\\k");
        assertThat(MarkdownReport.html("<b> & </summary>")).isEqualTo("&lt;b&gt; &amp; &lt;/summary&gt;");
        StringBuilder md = new StringBuilder();
        MarkdownReport.fenced(md, "no ticks");
        assertThat(md.toString()).isEqualTo("```text\nno ticks\n```\n\n");
    }

    @Test
    @DisplayName("labels are in Brazilian Portuguese for pt-BR")
    void portuguese() {
        String md = MarkdownReport.render(Fixtures.grade(Lang.PT_BR));

        assertThat(md).contains("| exercício | pontos | situação |", "✅ passou", "🟡 parcial", "erro de compilação",
                "| **nota** | **22 / 45** | |", "## comentários", "2 de 3 testes não passaram", "pontos perdidos: 5",
                "— falhou,", "— erro,");
    }

    @Test
    @DisplayName("all passing says so; a flood of messages stays under GitHub's step summary limit")
    void allPassedAndBudget() {
        assertThat(MarkdownReport.render(Fixtures.grade(Lang.EN, Fixtures.lazyBreakfast())))
                .contains("Every test passed.").doesNotContain("<details>");

        List<ExerciseResult> many = new ArrayList<>();
        for (int e = 0; e < 40; e++) {
            List<TestResult> tests = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                tests.add(Fixtures.failed("test " + t, "t" + t, 1, "z".repeat(50_000) + t));
            }
            many.add(new ExerciseResult("ex" + e, "exercise " + e, 0, 10, ExerciseStatus.GRADED, "", tests,
                    Duration.ZERO, ""));
        }
        String md = MarkdownReport.render(Fixtures.grade(Lang.EN, many.toArray(ExerciseResult[]::new)));
        assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.BUDGET + 100);
        assertThat(md).endsWith("More feedback in report.json.\n");
        assertThat(count(md, "<details>")).isEqualTo(count(md, "</details>"));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
