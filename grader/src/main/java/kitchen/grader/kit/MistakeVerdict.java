package kitchen.grader.kit;

import java.util.Locale;
import java.util.Optional;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.TestResult;

/** Whether grading a known mistake caught it: its named test failed, saying what it should. */
public final class MistakeVerdict {

    private MistakeVerdict() {
    }

    /** Empty when the mistake was caught as expected; otherwise what went wrong. */
    public static Optional<String> problem(KnownMistake mistake, ExerciseResult result) {
        if (result.status() != ExerciseStatus.GRADED) {
            return Optional.of("not graded (" + result.status().json() + "): " + result.message());
        }
        TestResult test = result.tests().stream().filter(t -> t.methodName().equals(mistake.test())).findFirst()
                .orElse(null);
        if (test == null) {
            return Optional.of("the test " + mistake.test() + " did not run");
        }
        if (test.passed()) {
            return Optional.of(mistake.test() + " passed: the mistake was missed");
        }
        if (!test.message().toLowerCase(Locale.ROOT).contains(mistake.fragment().toLowerCase(Locale.ROOT))) {
            return Optional.of(mistake.test() + " failed without saying \"" + mistake.fragment() + "\":\n" + test.message());
        }
        return Optional.empty();
    }
}
