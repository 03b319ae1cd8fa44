package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kitchen.grader.engine.Grader;
import kitchen.grader.engine.Options;
import kitchen.grader.engine.Progress;
import kitchen.grader.io.Folders;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.KnownMistake;
import kitchen.grader.protocol.Picture;
import kitchen.grader.run.Calibration;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two known mistakes graded through the real grader, their reports written where the kit's browser check
 * ({@code scripts/report-check}, run by {@code .ci/run}) opens them: the pictures must show what the
 * mistake did, as data here and as drawn shapes there.
 */
class ReportPicturesIT {

    static final Kit KIT = Kit.locate().orElseThrow();
    static final Options OPTIONS = Options.defaults(Lang.EN).timeScale(Calibration.measure(Options.ownClasspath()));
    /** Where the browser check finds the reports (grader/target/report-check/&lt;exercise&gt;--&lt;mistake&gt;). */
    static final Path OUT = Path.of("target", "report-check");

    @Test
    @DisplayName("a fixed pool of two boils at most two eggs at once: its timeline, as data, in Mermaid and in the page, shows two bars at once")
    void fixedPoolOfTwo() throws IOException {
        Grade grade = grade("02-boil-eggs", "fixed-pool-of-two", "allEggsAreOnTheStoveAtTheSameTime",
                "totalTimeIsNearTheLongestEggNotTheSum");
        TestResult test = test(grade, "allEggsAreOnTheStoveAtTheSameTime");
        assertThat(test.passed()).isFalse();
        Picture.Timeline timeline = test.pictures().stream().filter(Picture.Timeline.class::isInstance)
                .map(Picture.Timeline.class::cast).findFirst().orElseThrow(() -> new AssertionError(
                        "no timeline picture for " + test.id() + "; message:\n" + test.message()));
        assertThat(timeline.bars()).as("one row per egg").hasSize(5);
        assertThat(timeline.peakOverlap()).as("eggs on the stove at once, by the timeline's own times").isEqualTo(2);
        String summary = Files.readString(dir("02-boil-eggs", "fixed-pool-of-two").resolve("summary.md"));
        assertThat(summary).contains("<!-- test: " + test.id() + " -->\n```mermaid\ngantt\n");
        // The text timeline is drawn, so it is not printed too; what the program printed stays.
        assertThat(summary).doesNotContain("|=====").contains("Boiling eggs 1");
        String page = Files.readString(dir("02-boil-eggs", "fixed-pool-of-two").resolve(HtmlReport.FILE));
        assertThat(page).contains("<figure data-test=\"" + test.id() + "\">\n<svg class=\"timeline\"")
                .doesNotContain("<script");
    }

    @Test
    @DisplayName("philosophers who block on their second fork deadlock: the cycle is a graph, thread → holds → fork → waited for by → thread")
    void blockingSecondFork() throws IOException {
        Grade grade = grade("07-deadlock-trylock", "blocking-second-fork", "oppositeOrderAtTheSameMomentDoesNotDeadlock",
                "aTakenForkNeverKeepsYourOtherForkInYourHand");
        TestResult test = test(grade, "oppositeOrderAtTheSameMomentDoesNotDeadlock");
        Picture.Cycle cycle = test.pictures().stream().filter(Picture.Cycle.class::isInstance)
                .map(Picture.Cycle.class::cast).findFirst().orElseThrow(() -> new AssertionError(
                        "no cycle picture for " + test.id() + "; message:\n" + test.message()));
        assertThat(cycle.links()).extracting(Picture.Link::thread).containsExactlyInAnyOrder("Plato", "Kant");
        // Each waits for what the other holds.
        for (Picture.Link link : cycle.links()) {
            assertThat(cycle.links()).anySatisfy(other -> assertThat(other.holds()).contains(link.waitsFor()));
        }
        Path dir = dir("07-deadlock-trylock", "blocking-second-fork");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("<!-- test: " + test.id() + " -->\n```mermaid\nflowchart LR\n").contains("-->|holds|");
        assertThat(Files.readString(dir.resolve(HtmlReport.FILE))).contains("<svg class=\"cycle\"");
    }

    /** The mistake graded on a few of its exercise's tests (a page with several pictures, at a fraction of the time). */
    private static Grade grade(String exerciseId, String slug, String... tests) throws IOException {
        KnownMistake mistake = KnownMistake.all(KIT).stream()
                .filter(m -> m.exercise().id().equals(exerciseId) && m.slug().equals(slug)).findFirst().orElseThrow();
        Grade grade = new Grader(KIT, OPTIONS.onlyTests(List.of(tests)))
                .grade(mistake.submission(), List.of(mistake.exercise()), Progress.NONE);
        Path dir = dir(exerciseId, slug);
        Folders.delete(dir);
        Reports.writeAll(dir, grade);
        return grade;
    }

    private static Path dir(String exerciseId, String slug) {
        return OUT.resolve(exerciseId + "--" + slug);
    }

    private static TestResult test(Grade grade, String method) {
        return grade.exercises().getFirst().tests().stream().filter(t -> t.methodName().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " did not run"));
    }
}
