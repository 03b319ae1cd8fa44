package kitchen.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kitchen.grader.engine.Grader;
import kitchen.grader.engine.Progress;
import kitchen.grader.kit.KnownMistake;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grader.sandbox.Isolation;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every known mistake graded again in Brazilian Portuguese, as {@code KitSelfCheckIT} grades it in English
 * (its named test only, two at a time): it is still caught, and what the student reads holds no English
 * word. The untouched stubs are checked the same way by {@code KitSelfCheckIT.stubsScoreZero}, which grades
 * them in pt-BR; between them they show every message the kit's tests give.
 */
class PortugueseFeedbackIT {

    @Test
    @DisplayName("every known mistake, graded in pt-BR, fails its named test, and its feedback holds no English word")
    void knownMistakesInPortuguese() throws Exception {
        List<KnownMistake> all = KnownMistake.all(KitSelfCheckIT.KIT);
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ExerciseResult>> verdicts = all.stream().map(m -> pool.submit(() -> grade(m))).toList();
        pool.shutdown();

        StudentReads reads = StudentReads.of(KitSelfCheckIT.KIT);
        List<String> missed = new ArrayList<>();
        List<EnglishWords.Finding> english = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            KnownMistake m = all.get(i);
            ExerciseResult r = verdicts.get(i).get();
            String label = m.exercise().id() + " / " + m.slug();
            TestResult named = r.tests().stream().filter(t -> t.methodName().equals(m.test())).findFirst().orElse(null);
            if (r.status() != ExerciseStatus.GRADED || named == null || named.passed()) {
                String output = r.output() == null ? "" : r.output();
                missed.add(label + ": " + r.status().json() + ", " + m.test() + " "
                        + (named == null ? "did not run" : named.status().json()) + "\n" + r.message() + "\n"
                        + output.substring(Math.max(0, output.length() - 3000)));
            }
            Grade one = new Grade(m.slug(), List.of(r), Lang.PT_BR, KitSelfCheckIT.OPTIONS.timeScale(), started,
                    Duration.ZERO, Isolation.none(""));
            english.addAll(reads.englishIn(m.slug(), one));
        }
        System.out.printf("graded %d known mistakes in pt-BR in %d s%n",
                all.size(), Duration.between(started, Instant.now()).toSeconds());
        String problems = (missed.isEmpty() ? "" : missed.size() + " known mistake(s) not caught in pt-BR:\n"
                + String.join("\n", missed) + "\n") + (english.isEmpty() ? "" : StudentReads.describe(english));
        assertThat(problems).as(problems).isEmpty();
    }

    private static ExerciseResult grade(KnownMistake m) {
        return new Grader(KitSelfCheckIT.KIT, KitSelfCheckIT.OPTIONS.lang(Lang.PT_BR).onlyTests(List.of(m.test())))
                .grade(m.submission(), List.of(m.exercise()), Progress.NONE).exercises().getFirst();
    }
}
