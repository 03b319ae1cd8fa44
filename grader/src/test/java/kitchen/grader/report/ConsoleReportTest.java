package kitchen.grader.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    private final StringWriter buffer = new StringWriter();

    private ConsoleReport console(Lang lang, boolean color) {
        return new ConsoleReport(new PrintWriter(buffer), color, lang);
    }

    @Test
    @DisplayName("a progress line is started when grading starts and completed with points, verdict and time")
    void progress() {
        ConsoleReport console = console(Lang.EN, false);

        console.onExerciseStarted("02-boil-eggs", "boil eggs concurrently");
        assertThat(buffer.toString()).isEqualTo("  02-boil-eggs       boil eggs concurrently .................");
        console.onExerciseFinished(Fixtures.boilEggs());

        assertThat(buffer.toString()).isEqualTo(
                "  02-boil-eggs       boil eggs concurrently .................   12/20  partial  (8.1 s)"
                        + System.lineSeparator());
    }

    @Test
    @DisplayName("a finish without its start still prints a whole line, and an unfinished one is ended first")
    void unmatched() {
        ConsoleReport console = console(Lang.PT_BR, false);

        console.onExerciseStarted("03-busy-endpoint", "busy endpoint");
        console.onExerciseFinished(Fixtures.chopOnions());

        assertThat(buffer.toString().lines()).containsExactly(
                "  03-busy-endpoint   busy endpoint ..........................",
                "  04-chop-onions     chop onions in parallel ................    0/15  erro de compilação  (0,9 s)");
    }

    @Test
    @DisplayName("the summary is the total under the progress lines (never a second table), then each failed test's message indented")
    void summary() {
        console(Lang.EN, false).printSummary(Fixtures.grade(Lang.EN));
        String out = buffer.toString().replace(System.lineSeparator(), "\n");

        assertThat(out).doesNotContain("  01-lazy-breakfast  lazy breakfast  ");
        assertThat(out).contains(
                "  score                                                         22/45\n",
                "    - 2 graded tests did not run (15 points): see above\n",
                "  feedback\n",
                "    x all eggs are on the stove at the same time  (0/5, failed)\n"
                        + "        Expected every egg on the stove at once, but they ran one after another:\n"
                        + "          egg 1  |#####          |\n",
                "    compile error\n        your code does not compile:\n");
        assertThat(out).doesNotContain("nothing happens at creation", "\u001b", "\u0000", "\r");
    }

    @Test
    @DisplayName("an untouched stub is one line of feedback: not started, and where to begin")
    void notStarted() {
        console(Lang.EN, false).printSummary(Fixtures.grade(Lang.EN, Fixtures.lazyBreakfast(), Fixtures.notStarted()));
        String out = buffer.toString();
        assertThat(out).contains("05-shared-results  not started  the code is the stub, unchanged: begin with "
                + "exercises/05-shared-results/README.md, Task 1");
        assertThat(out.lines().filter(l -> l.contains("05-shared-results"))).hasSize(1);
        assertThat(out).doesNotContain("two cooks lose nothing", "graded tests did not run");
    }

    @Test
    @DisplayName("colors only when asked: green pass, red fail, yellow error")
    void colors() {
        console(Lang.EN, true).printSummary(Fixtures.grade(Lang.EN));
        String out = buffer.toString();

        assertThat(out).contains("\u001b[33mcompile error\u001b[0m", "\u001b[31mx all eggs", "\u001b[33mx a cracked egg");
        // The student's own escape sequences are still removed.
        assertThat(out).doesNotContain("\u001b[31mred");
    }

    @Test
    @DisplayName("labels are in Brazilian Portuguese for pt-BR, and all-passing says so")
    void portuguese() {
        console(Lang.PT_BR, false).printSummary(Fixtures.grade(Lang.PT_BR, Fixtures.lazyBreakfast()));

        assertThat(buffer.toString()).contains("nota", "comentários", "Todos os testes passaram.");
    }

    @Test
    @DisplayName("NO_COLOR, TERM=dumb, a file or a stream that is not a terminal turn color off")
    void colorWanted() throws Exception {
        assertThat(ConsoleReport.colorWanted(Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(ConsoleReport.colorWanted(Map.of("TERM", "dumb"))).isFalse();
        // Under Surefire standard output is not a terminal.
        assertThat(ConsoleReport.colorWanted(Map.of())).isFalse();
        assertThat(ConsoleReport.colorWanted(new PrintStream(new ByteArrayOutputStream(), true, UTF_8))).isFalse();
    }

    @Test
    @DisplayName("a header names what is graded, and the last line where the reports went")
    void headerAndReports() {
        ConsoleReport console = console(Lang.PT_BR, false);
        console.header("submissions/ana", 8);
        console.onExerciseStarted("01-lazy-breakfast", "lazy breakfast");
        console.wroteReports(Path.of("out"));

        assertThat(buffer.toString().lines()).containsExactly(
                "Concurrency Kitchen — corrigindo submissions/ana — 8 exercícios",
                "",
                "  01-lazy-breakfast  lazy breakfast .........................",
                "",
                "Relatórios gravados em out");
    }

    @Test
    @DisplayName("a PrintStream is written in its own charset")
    void printStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleReport(new PrintStream(bytes, true, UTF_8), false, Lang.PT_BR).header("x", 1);

        assertThat(bytes.toString(UTF_8)).startsWith("Concurrency Kitchen — corrigindo x — 1 exercício");
    }
}
