package kitchen.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kitchen.grader.Trees;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.Submission;
import kitchen.grader.run.Calibration;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades submissions of a tiny fixture exercise, good and hostile, each planted in 99-toast while 98-jam
 * holds correct code, and checks that each misbehaviour costs that exercise only, with a status and a
 * message that says what happened, within the exercise's deadline, leaving no process behind.
 */
class IsolationIT {

    static final Path FIXTURES = Path.of("src/test/resources").toAbsolutePath();
    static final Kit KIT = Kit.at(FIXTURES.resolve("fixture-kit"));

    /** Calibrated once, as the grader does: a busy machine stretches the deadlines instead of failing. */
    static final double SCALE = Calibration.measure(Options.ownClasspath());

    /** The fixture exercise's deadline (20 s) on this machine, plus compiling and starting the JVM. */
    static final Duration BOUND = Duration.ofMillis(Math.round(20_000 * SCALE)).plusSeconds(15);

    static ExerciseResult grade(String submission) {
        return grade(submission, Lang.EN);
    }

    static ExerciseResult grade(String submission, Lang lang) {
        return gradeIn(KIT, submission, lang);
    }

    /** Grades the hostile 99-toast first, then the correct 98-jam, and checks what must hold whatever it did. */
    static ExerciseResult gradeIn(Kit kit, String submission, Lang lang) {
        return gradeIn(kit, FIXTURES.resolve("submissions").resolve(submission), Options.defaults(lang))
                .exercises().getFirst();
    }

    /** The same, for a submission anywhere and any options; the whole grade, to look at what it records. */
    static Grade gradeIn(Kit kit, Path submission, Options options) {
        Lang lang = options.lang();
        Submission planted = Submission.of(submission.getFileName().toString(), Map.of(
                "99-toast", submission.resolve("exercises/99-toast/src/main/java"),
                "98-jam", FIXTURES.resolve("submissions/good/exercises/98-jam/src/main/java")));
        Grade grade = new Grader(kit, options.timeScale(SCALE)).grade(planted,
                List.of(kit.exercise("99-toast").orElseThrow(), kit.exercise("98-jam").orElseThrow()), Progress.NONE);
        ExerciseResult toast = grade.exercises().getFirst();
        ExerciseResult jam = grade.exercises().get(1);

        assertThat(jam.score()).as("98-jam, graded after %s, keeps its marks: %s %s", submission, jam.status(),
                jam.message()).isEqualTo(jam.maxScore()).isEqualTo(5);
        assertThat(jam.tests()).as("a test this machine cannot judge keeps its points").anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("jam for a crowd");
            assertThat(t.status()).isEqualTo(TestStatus.PASSED);
            assertThat(t.message()).contains(lang == Lang.EN ? "not judged on this machine" : "não avaliado", "100000 cores");
        });
        assertThat(toast.duration()).as("99-toast graded within its bound").isLessThan(BOUND);
        assertThat(toast.output()).as("captured output is capped").hasSizeLessThan(40_000);
        // Killing is asynchronous: give the OS a moment, then nothing the submission started may be alive.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ProcessHandle.current().descendants()).as("processes left behind").isEmpty();
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(SPAWN_MARK)))
                    .as("processes the submission started").isEmpty();
        });
        return grade;
    }

    /** What the spawns-processes fixture puts on every process it starts. */
    static final String SPAWN_MARK = "toaster-spawn-6c1f";

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
        // No lock API sees it, so the message shows where each thread of the exercise's code stood.
        assertThat(r.message()).contains("toast is golden", "where the code stood", "toast.Cru", "<clinit>", "hint:");
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

    @Test
    @DisplayName("a deadlock between platform threads fails its test with the wait-for cycle; the rest is graded")
    void platformDeadlock() {
        ExerciseResult r = grade("platform-deadlock");
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(6);
        assertThat(r.failedTests()).singleElement().satisfies(t -> assertThat(t.message())
                .contains("deadlock:", "slice a", "slice b"));
    }

    @Test
    @DisplayName("child processes without bound (and their children) do not outlive the grading")
    void childProcesses() {
        ExerciseResult r = grade("spawns-processes");
        assertThat(r.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(r.score()).isEqualTo(10);
        assertThat(r.failedTests()).anySatisfy(t -> assertThat(t.name()).contains("no processes"));
    }

    @Test
    @DisplayName("code that rewrites the next exercise's tests: tampered, 0 points, and the tests are put back")
    void rewritesTheKit(@TempDir Path junitTemp) throws IOException {
        Path kitCopy = junitTemp.resolve("kit");
        Trees.copy(FIXTURES.resolve("fixture-kit"), kitCopy);
        Path jamTests = kitCopy.resolve("exercises/98-jam/src/grading/java/jam");
        String original = Files.readString(jamTests.resolve("JarGradingTest.java"));

        // The guard is what defends the kit where there is no cell (in one, the kit is not even there to rewrite).
        ExerciseResult r = gradeIn(Kit.at(kitCopy), FIXTURES.resolve("submissions/rewrites-kit"),
                Options.defaults(Lang.EN).withoutSandbox()).exercises().getFirst();

        assertThat(r.status()).isEqualTo(ExerciseStatus.TAMPERED);
        assertThat(r.score()).isZero();
        assertThat(r.message()).contains("the grader's own files changed", "JarGradingTest.java",
                "BonusGradingTest.java", "hint:");
        assertThat(Files.readString(jamTests.resolve("JarGradingTest.java"))).isEqualTo(original);
        assertThat(jamTests.resolve("BonusGradingTest.java")).doesNotExist();
    }

    @Test
    @DisplayName("the tampering message comes in Brazilian Portuguese too")
    void rewritesTheKitInPortuguese(@TempDir Path junitTemp) throws IOException {
        Path kitCopy = junitTemp.resolve("kit");
        Trees.copy(FIXTURES.resolve("fixture-kit"), kitCopy);
        ExerciseResult r = gradeIn(Kit.at(kitCopy), FIXTURES.resolve("submissions/rewrites-kit"),
                Options.defaults(Lang.PT_BR).withoutSandbox()).exercises().getFirst();
        assertThat(r.message()).contains("os arquivos do próprio corretor mudaram", "dica:");
    }
}
