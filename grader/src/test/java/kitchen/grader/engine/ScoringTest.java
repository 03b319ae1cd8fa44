package kitchen.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.run.ForkedJvm;
import kitchen.grader.protocol.ResultSeal;
import kitchen.grader.protocol.RunEventLines;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.TestResult;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Scoring decides on the runner's typed events and the JVM's exit, with no JVM started here. */
class ScoringTest {

    private static final Exercise TOAST = Kit.at(Path.of("src/test/resources/fixture-kit").toAbsolutePath())
            .exercise("99-toast").orElseThrow();
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ResultSeal seal = ResultSeal.random();
    private final RunEventLines lines = new RunEventLines(seal);

    private static ForkedJvm.Outcome exited(int code, String output) {
        return new ForkedJvm.Outcome(code, false, output, Duration.ofSeconds(1), List.of());
    }

    private ExerciseResult score(List<String> written, ForkedJvm.Outcome outcome) {
        return Scoring.score(TOAST, Lang.EN, written, seal, outcome, DEADLINE);
    }

    @Test
    @DisplayName("every test finished and the runner said done: graded, points from the passed tests")
    void graded() {
        List<String> written = List.of(lines.started("toastIsGolden"), lines.finished("toastIsGolden", true, 6),
                lines.finished("twoSlices", false, 4), lines.done());
        ExerciseResult r = score(written, exited(0, ""));
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(6);
        assertThat(r.tests()).extracting(t -> t.status()).containsExactly(TestStatus.PASSED, TestStatus.FAILED);
    }

    @Test
    @DisplayName("a test the JVM ended under keeps its points in the maximum, so Classroom's runners add up to the exercise's points")
    void unfinishedKeepsItsPoints() {
        List<String> written = List.of(lines.started("toastIsGolden", 6), lines.finished("toastIsGolden", true, 6),
                lines.started("twoSlices", 4));
        ExerciseResult r = Scoring.completed(score(written, new ForkedJvm.Outcome(-1, true, "", DEADLINE, List.of())),
                TOAST, Lang.EN);
        assertThat(r.status()).isEqualTo(ExerciseStatus.TIMEOUT);
        assertThat(r.tests()).filteredOn(t -> t.methodName().equals("twoSlices")).singleElement()
                .satisfies(t -> assertThat(t.maxPoints()).isEqualTo(4));
        assertThat(r.gradedTests().stream().mapToInt(TestResult::maxPoints).sum()).isEqualTo(r.maxScore());
    }

    @Test
    @DisplayName("a line the runner did not seal: the results were tampered with, 0 points")
    void forged() {
        List<String> written = new ArrayList<>(List.of(lines.finished("toastIsGolden", true, 6)));
        written.add("{\"kind\":\"FINISHED\",\"verdict\":\"PASSED\",\"points\":100}");
        written.add(lines.done());
        ExerciseResult r = score(written, exited(0, ""));
        assertThat(r.status()).isEqualTo(ExerciseStatus.CRASHED);
        assertThat(r.score()).isZero();
        assertThat(r.message()).contains("tampered with");
    }

    @Test
    @DisplayName("the watchdog found a deadlock: timeout, the cycle, and no generic hint beside it")
    void deadlock() {
        List<String> written = List.of(lines.started("twoSlices"),
                lines.deadline("deadlock: thread \"a\" holds X and waits for Y", true));
        ExerciseResult r = score(written, new ForkedJvm.Outcome(-1, true, "", DEADLINE, List.of()));
        assertThat(r.status()).isEqualTo(ExerciseStatus.TIMEOUT);
        assertThat(r.message()).contains("holds X and waits for Y").doesNotContain("hint: look for a loop");
    }

    @Test
    @DisplayName("the watchdog found no cycle: timeout with the hint to look for a loop or a wait")
    void stuck() {
        List<String> written = List.of(lines.started("twoSlices"), lines.deadline("twoSlices at Toaster:12", false));
        ExerciseResult r = score(written, new ForkedJvm.Outcome(-1, true, "", DEADLINE, List.of()));
        assertThat(r.message()).contains("hint: look for a loop");
    }

    @Test
    @DisplayName("out of memory is the JVM's own exit, not a word a test printed")
    void outOfMemory() {
        List<String> written = List.of(lines.started("twoSlices"));
        assertThat(score(written, exited(3, "Terminating due to java.lang.OutOfMemoryError: Java heap space"))
                .message()).startsWith("ran out of memory");
        assertThat(score(written, exited(1, "java.lang.OutOfMemoryError printed by a test")).message())
                .doesNotContain("ran out of memory").contains("System.exit");
    }

    @Test
    @DisplayName("in pt-BR every graded test carries the name the Portuguese statement gives it")
    void portugueseNames() {
        Exercise bank = Kit.locate().orElseThrow().exercise("06-deadlock-lock-ordering").orElseThrow();
        ExerciseResult none = new ExerciseResult(bank.id(), bank.title(Lang.PT_BR), 0, bank.points(),
                ExerciseStatus.COMPILE_ERROR, "não compila", List.of(), Duration.ZERO, "");
        ExerciseResult pt = Scoring.completed(none, bank, Lang.PT_BR);
        ExerciseResult en = Scoring.completed(none, bank, Lang.EN);
        java.util.Map<String, String> names = kitchen.grader.kit.PointsTable.portugueseNames(bank);
        assertThat(pt.tests()).hasSize(bank.gradedTests().size())
                .allSatisfy(t -> assertThat(t.name()).isEqualTo(names.get(t.className() + "#" + t.methodName())));
        assertThat(en.tests()).extracting(t -> t.name())
                .containsExactlyElementsOf(bank.gradedTests().stream().map(g -> g.displayName()).toList());
    }
}
