package kitchen.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.Submission;
import kitchen.grader.run.Calibration;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades submissions of a tiny fixture exercise, good and hostile, and checks that each misbehaviour
 * costs that exercise only, with a status and a message that says what happened.
 */
class IsolationTest {

    static final Path FIXTURES = Path.of("src/test/resources").toAbsolutePath();
    static final Kit KIT = Kit.at(FIXTURES.resolve("fixture-kit"));
    static final Exercise TOAST = KIT.exercise("99-toast").orElseThrow();

    static ExerciseResult grade(String submission) {
        return grade(submission, Lang.EN);
    }

    /** Calibrated once, as the grader does: a busy machine stretches the deadlines instead of failing. */
    static final double SCALE = Calibration.measure(Options.ownClasspath());

    static ExerciseResult grade(String submission, Lang lang) {
        Grader grader = new Grader(KIT, Options.defaults(lang).timeScale(SCALE));
        return grader.grade(Submission.folder(FIXTURES.resolve("submissions").resolve(submission), submission),
                List.of(TOAST), Progress.NONE).exercises().getFirst();
    }

    @Test
    @DisplayName("a correct submission gets every point, public tests included as 0-point feedback")
    void correct() {
        ExerciseResult r = grade("good");
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(10);
        assertThat(r.maxScore()).isEqualTo(10);
        assertThat(r.tests()).extracting(t -> t.name())
                .containsExactlyInAnyOrder("a toaster can be made", "toast is golden", "two slices are toasted");
        assertThat(r.tests()).allMatch(t -> t.status() == TestStatus.PASSED);
    }

    @Test
    @DisplayName("partial credit: one failed test costs its points only, with the test's feedback")
    void partial() {
        ExerciseResult r = grade("half");
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(4);
        assertThat(r.failedTests()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TestStatus.FAILED);
            assertThat(t.maxPoints()).isEqualTo(6);
            assertThat(t.message()).contains("observed: the toast was burnt bread", "expected: golden bread",
                    "hint: toast it");
        });
    }

    @Test
    @DisplayName("feedback comes in Brazilian Portuguese when asked")
    void portuguese() {
        ExerciseResult r = grade("half", Lang.PT_BR);
        assertThat(r.failedTests().getFirst().message()).contains("observado: a torrada ficou burnt bread", "dica: torre");
    }

    @Test
    @DisplayName("a compile error names the file and line and costs the exercise")
    void compileError() {
        ExerciseResult r = grade("compile-error");
        assertThat(r.status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(r.score()).isZero();
        assertThat(r.maxScore()).isEqualTo(10);
        assertThat(r.message()).contains("does not compile", "src/main/java/toast/Toaster.java:5", "';' expected");
    }

    @Test
    @DisplayName("a changed public API is reported as such, not as a mystery in hidden tests")
    void changedApi() {
        ExerciseResult r = grade("changed-api");
        assertThat(r.status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(r.message()).contains("tests do not compile against your code", "toast(");
    }

    @Test
    @DisplayName("System.exit in student code crashes only its exercise, naming the running test")
    void systemExit() {
        ExerciseResult r = grade("system-exit");
        assertThat(r.status()).isEqualTo(ExerciseStatus.CRASHED);
        assertThat(r.score()).isZero();
        assertThat(r.message()).contains("System.exit", "toast is golden");
    }

    @Test
    @DisplayName("an endless loop is stopped at the exercise's deadline")
    void endlessLoop() {
        ExerciseResult r = grade("endless-loop");
        assertThat(r.status()).isEqualTo(ExerciseStatus.TIMEOUT);
        assertThat(r.score()).isZero();
        long deadline = Math.round(20_000 * SCALE) / 1000;
        assertThat(r.message()).contains("did not finish within " + deadline + " s", "toast is golden");
        assertThat(r.duration().toSeconds()).isLessThan(deadline + 5);
    }

    @Test
    @DisplayName("a deadlock between virtual threads fails its test with the wait-for cycle; the rest is graded")
    void virtualDeadlock() {
        ExerciseResult r = grade("virtual-deadlock");
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(6);
        assertThat(r.failedTests()).singleElement().satisfies(t -> assertThat(t.message())
                .contains("deadlock:")
                .containsAnyOf("thread \"slice a\" holds left slot and waits for right slot",
                        "thread \"slice b\" holds right slot and waits for left slot"));
    }

    @Test
    @DisplayName("running out of memory costs the exercise and says so")
    void outOfMemory() {
        ExerciseResult r = grade("out-of-memory");
        assertThat(r.status()).isEqualTo(ExerciseStatus.CRASHED);
        assertThat(r.message()).contains("ran out of memory");
    }

    @Test
    @DisplayName("a flood of output is capped and grading goes on")
    void outputFlood() {
        ExerciseResult r = grade("output-flood");
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(10);
        assertThat(r.output()).hasSizeLessThan(40_000).contains("more bytes of output dropped");
    }

    @Test
    @DisplayName("student code in the kit's own packages is refused")
    void kitPackage() {
        ExerciseResult r = grade("kitchen-package");
        assertThat(r.status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(r.message()).contains("kit's package", "kitchen.grading");
    }

    @Test
    @DisplayName("a missing exercise folder is reported as missing")
    void missing() {
        ExerciseResult r = grade("missing");
        assertThat(r.status()).isEqualTo(ExerciseStatus.MISSING);
        assertThat(r.message()).contains("exercises/99-toast/src/main/java");
        assertThat(r.maxScore()).isEqualTo(10);
    }

    @Test
    @DisplayName("a kitchen rule (no Thread.sleep) is reported as feedback and costs nothing by itself")
    void kitchenRule() {
        ExerciseResult r = grade("sleeper");
        assertThat(r.score()).isEqualTo(10);
        assertThat(r.failedTests()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("kitchen rule: no Thread.sleep");
            assertThat(t.maxPoints()).isZero();
            assertThat(t.message()).contains("the kitchen's collaborators do the waiting", "Toaster.toast");
        });
    }

    @Test
    @DisplayName("an integrity rule (reflection into the kit) costs the whole exercise, with its reason")
    void integrityRule() {
        ExerciseResult r = grade("reflection");
        assertThat(r.score()).isZero();
        assertThat(r.message()).contains("must not reach into the kitchen or the grader by reflection");
        assertThat(r.failedTests()).anySatisfy(t -> assertThat(t.name()).isEqualTo("kitchen rule: no reflection into the kit"));
    }

    @Test
    @DisplayName("Runtime.halt in a static initialiser: crashed, and the integrity rule names it")
    void haltInStaticInitialiser() {
        ExerciseResult r = grade("static-halt");
        assertThat(r.status()).isEqualTo(ExerciseStatus.CRASHED);
        assertThat(r.score()).isZero();
        assertThat(r.message()).contains("must not end the JVM");
    }

    @Test
    @DisplayName("thousands of never-ending non-daemon threads do not keep the test JVM alive")
    void threadFlood() {
        ExerciseResult r = grade("thread-flood");
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(10);
    }

    @Test
    @DisplayName("a class-initialisation deadlock (invisible to ThreadMXBean) ends at the deadline")
    void classInitDeadlock() {
        ExerciseResult r = grade("class-init-deadlock");
        assertThat(r.status()).isEqualTo(ExerciseStatus.TIMEOUT);
        assertThat(r.score()).isZero();
        assertThat(r.message()).contains("toast is golden");
    }

    @Test
    @DisplayName("a source file that is not valid UTF-8 (in a comment) is still graded: nothing is lost")
    void invalidUtf8() {
        ExerciseResult r = grade("invalid-utf8");
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(10);
    }

    @Test
    @DisplayName("lines forged into the results file never earn points")
    void forgedResults() {
        ExerciseResult r = grade("forges-results");
        assertThat(r.score()).isLessThanOrEqualTo(4);
        assertThat(r.tests()).noneMatch(t -> t.methodName().equals("toastIsGolden") && t.passed());
    }
}
