package kitchen.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kitchen.grader.engine.Grader;
import kitchen.grader.engine.Options;
import kitchen.grader.engine.Progress;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.Submission;
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
 * untouched stub compiles and scores 0, and every known-wrong submission fails the test that names its
 * mistake with the message it is expected to give.
 */
class KitSelfCheckTest {

    static final Kit KIT = Kit.locate().orElseThrow();
    static final Options OPTIONS = Options.defaults(Lang.EN);

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
        }
    }

    @Test
    @DisplayName("every untouched stub compiles, runs and scores 0")
    void stubsScoreZero() {
        Grade grade = new Grader(KIT, OPTIONS).grade(Submission.folder(KIT.root(), "stubs"), exercises(), Progress.NONE);
        for (ExerciseResult r : grade.exercises()) {
            assertThat(r.status()).as(r.id() + ": " + r.message()).isEqualTo(ExerciseStatus.GRADED);
            assertThat(r.score()).as(r.id() + " passed:\n" + describe(r.tests().stream().filter(t -> t.points() > 0).toList()))
                    .isZero();
        }
    }

    /** A known-wrong submission and what it must cause. */
    record Mistake(Exercise exercise, String slug, Path sources, String test, String fragment) {
    }

    static List<Mistake> mistakes() throws IOException {
        List<Mistake> found = new ArrayList<>();
        for (Exercise e : exercises()) {
            Path dir = KIT.root().resolve("solutions").resolve(e.id()).resolve("mistakes");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> slugs = Files.list(dir)) {
                for (Path m : slugs.filter(Files::isDirectory).sorted().toList()) {
                    Properties p = new Properties();
                    try (Reader in = Files.newBufferedReader(m.resolve("expect.properties"), StandardCharsets.UTF_8)) {
                        p.load(in);
                    }
                    found.add(new Mistake(e, m.getFileName().toString(), m.resolve("src/main/java"),
                            p.getProperty("test").trim(), p.getProperty("message", "").trim()));
                }
            }
        }
        return found;
    }

    @TestFactory
    @DisplayName("every known mistake fails the test that names it, with the expected message")
    Stream<DynamicTest> knownMistakesAreCaught() throws IOException {
        List<Mistake> all = mistakes();
        assertThat(all).as("known mistakes kept in the kit").isNotEmpty();
        return all.stream().map(m -> DynamicTest.dynamicTest(m.exercise().id() + " / " + m.slug(), () -> {
            Grade grade = new Grader(KIT, OPTIONS.onlyTests(List.of(m.test())))
                    .grade(Submission.of(m.slug(), Map.of(m.exercise().id(), m.sources())), List.of(m.exercise()),
                            Progress.NONE);
            ExerciseResult r = grade.exercises().getFirst();
            assertThat(r.status()).as(m.slug() + ": " + r.message()).isEqualTo(ExerciseStatus.GRADED);
            assertThat(r.tests()).as(m.slug() + ": the test " + m.test() + " ran")
                    .anyMatch(t -> t.methodName().equals(m.test()));
            for (TestResult t : r.tests()) {
                if (t.methodName().equals(m.test())) {
                    assertThat(t.passed()).as(m.slug() + " must fail " + m.test()).isFalse();
                    assertThat(t.message().toLowerCase(Locale.ROOT)).as(m.slug() + " message")
                            .contains(m.fragment().toLowerCase(Locale.ROOT));
                }
            }
        }));
    }

    private static String describe(List<TestResult> tests) {
        return tests.stream().map(t -> "- " + t.name() + " [" + t.status().json() + "]\n" + t.message())
                .collect(Collectors.joining("\n"));
    }
}
