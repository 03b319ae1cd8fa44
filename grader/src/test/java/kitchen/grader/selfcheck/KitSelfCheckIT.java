package kitchen.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kitchen.grader.engine.Grader;
import kitchen.grader.engine.Options;
import kitchen.grader.engine.Progress;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.KnownMistake;
import kitchen.grader.kit.KnownVariant;
import kitchen.grader.kit.MistakeVerdict;
import kitchen.grader.kit.Submission;
import kitchen.grader.run.Calibration;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kit checks itself through the real grader: every reference solution scores full marks, every
 * untouched stub compiles and scores 0, every correct variant (written another way than the reference)
 * scores full marks too, and every known-wrong submission fails the test that names its mistake with the
 * message it is expected to give.
 */
class KitSelfCheckIT {

    static final Kit KIT = Kit.locate().orElseThrow();
    /** Calibrated like the grader does, so a busy CI machine stretches margins instead of failing solutions. */
    static final Options OPTIONS = Options.defaults(Lang.EN)
            .timeScale(Calibration.measure(Options.ownClasspath()));

    static List<Exercise> exercises() {
        List<Exercise> all = KIT.exercises();
        assertThat(all).as("the kit has exercises").isNotEmpty();
        return all;
    }

    @Test
    @DisplayName("every exercise has both READMEs, a reference solution and points; the kit sums to at most 100")
    void catalog() {
        int total = 0;
        for (Exercise e : exercises()) {
            assertThat(e.dir().resolve("README.md")).as(e.id() + " README.md").isRegularFile();
            assertThat(e.dir().resolve("README.pt-BR.md")).as(e.id() + " README.pt-BR.md").isRegularFile();
            assertThat(KIT.solutionSources(e.id())).as(e.id() + " reference solution").isDirectory();
            assertThat(e.hiddenTests()).as(e.id() + " hidden tests").isDirectory();
            assertThat(e.points()).as(e.id() + " points").isPositive();
            total += e.points();
        }
        assertThat(total).as("points of the whole kit").isLessThanOrEqualTo(100);
        if (exercises().size() == 8) {
            assertThat(total).as("points of the whole kit").isEqualTo(100);
        }
    }

    @Test
    @DisplayName("every reference solution scores full marks, and its tests' points add up to the exercise's")
    void solutionsScoreFullMarks() {
        Grade grade = new Grader(KIT, OPTIONS).grade(Submission.solutions(KIT), exercises(), Progress.NONE);
        for (ExerciseResult r : grade.exercises()) {
            assertThat(r.status()).as(r.id() + ": " + r.message() + "\n" + r.output()).isEqualTo(ExerciseStatus.GRADED);
            assertThat(r.failedTests()).as(r.id() + " failed tests:\n" + describe(r.failedTests())).isEmpty();
            assertThat(r.tests().stream().mapToInt(TestResult::maxPoints).sum())
                    .as(r.id() + ": the @Points of its tests").isEqualTo(r.maxScore());
            assertThat(r.score()).as(r.id()).isEqualTo(r.maxScore());
            // The catalog read from the sources (what Classroom's runners are made from) is what JUnit ran.
            Exercise exercise = KIT.exercise(r.id()).orElseThrow();
            assertThat(r.gradedTests()).as(r.id() + ": graded tests run vs declared in the sources")
                    .extracting(t -> t.className() + "#" + t.methodName() + "=" + t.maxPoints() + " " + t.name())
                    .containsExactlyElementsOf(exercise.gradedTests().stream()
                            .map(g -> g.className() + "#" + g.methodName() + "=" + g.points() + " " + g.displayName())
                            .toList());
        }
    }

    /**
     * Graded in Brazilian Portuguese, so that the same run also proves a student reading pt-BR reads no
     * English: the stubs fail nearly every test, so nearly every message the tests and the kitchen can give
     * is shown (the known mistakes show the rest: {@code PortugueseFeedbackIT}).
     */
    @Test
    @DisplayName("every untouched stub compiles, runs and scores 0 (which is why the grader need not run one), "
            + "and its feedback in pt-BR holds no English word")
    void stubsScoreZero() {
        Grade grade = new Grader(KIT, OPTIONS.lang(Lang.PT_BR).runningUntouched()).grade(Submission.folder(KIT.root(), "stubs"), exercises(), Progress.NONE);
        for (ExerciseResult r : grade.exercises()) {
            assertThat(r.status()).as(r.id() + ": " + r.message()).isEqualTo(ExerciseStatus.GRADED);
            assertThat(r.score()).as(r.id() + " passed:\n" + describe(r.tests().stream().filter(t -> t.points() > 0).toList()))
                    .isZero();
        }
        List<EnglishWords.Finding> english = StudentReads.of(KIT).englishIn("", grade);
        assertThat(english).as(StudentReads.describe(english)).isEmpty();
    }

    @TestFactory
    @DisplayName("every known mistake fails the test that names it, with the expected message")
    Stream<DynamicTest> knownMistakesAreCaught() {
        List<KnownMistake> all = KnownMistake.all(KIT);
        assertThat(all).as("known mistakes kept in the kit").isNotEmpty();
        // Two mistakes are graded at once: a mistake must be caught on a busy machine too (the soak grades
        // them while burners keep every core busy), and this halves the longest part of the kit's build.
        // Variants and stubs stay one at a time: a busy core must never be what earns or costs a point.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ExerciseResult>> verdicts = all.stream().map(m -> pool.submit(() ->
                new Grader(KIT, OPTIONS.onlyTests(List.of(m.test())))
                        .grade(m.submission(), List.of(m.exercise()), Progress.NONE).exercises().getFirst())).toList();
        pool.shutdown();
        return IntStream.range(0, all.size()).mapToObj(i -> {
            KnownMistake m = all.get(i);
            return DynamicTest.dynamicTest(m.exercise().id() + " / " + m.slug(), () ->
                    assertThat(MistakeVerdict.problem(m, verdicts.get(i).get())).as(m.exercise().id() + " / " + m.slug())
                            .isEmpty());
        });
    }

    @TestFactory
    @DisplayName("every correct variant, written another way than the reference, scores full marks")
    Stream<DynamicTest> correctVariantsScoreFullMarks() {
        List<KnownVariant> all = KnownVariant.all(KIT);
        assertThat(all).as("correct variants kept in the kit").isNotEmpty();
        return all.stream().map(v -> DynamicTest.dynamicTest(v.exercise().id() + " / " + v.slug(), () -> {
            Grade grade = new Grader(KIT, OPTIONS)
                    .grade(v.submission(), List.of(v.exercise()),
                            Progress.NONE);
            assertThat(v.problem(grade.exercises().getFirst())).as(v.exercise().id() + " / " + v.slug()).isEmpty();
        }));
    }

    private static String describe(List<TestResult> tests) {
        return tests.stream().map(t -> "- " + t.name() + " [" + t.status().json() + "]\n" + t.message())
                .collect(Collectors.joining("\n"));
    }
}
