package kitchen.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.TestResult;
import kitchen.grader.score.TestStatus;

/**
 * What an exercise's feedback says, grouped the same way for every report (console, summary.md): the
 * graded tests that failed (identical messages once, with every test that gave them), the graded tests
 * that never ran (one line: the exercise's own message says why), and the practice checks — public tests
 * and kitchen rules, worth no points, so never "points lost".
 */
record ExerciseFeedback(List<Failure> graded, int notRun, int notRunPoints, List<TestResult> practice) {

    /** One message and the graded tests that gave it. */
    record Failure(List<TestResult> tests, String message) {

        TestStatus status() {
            return tests.getFirst().status();
        }
    }

    static ExerciseFeedback of(ExerciseResult e) {
        Map<String, List<TestResult>> byMessage = new LinkedHashMap<>();
        int notRun = 0;
        int notRunPoints = 0;
        List<TestResult> practice = new ArrayList<>();
        for (TestResult t : e.tests()) {
            if (!t.graded()) {
                if (!t.passed()) {
                    practice.add(t);
                }
            } else if (t.status() == TestStatus.NOT_RUN) {
                notRun++;
                notRunPoints += t.maxPoints();
            } else if (!t.passed()) {
                byMessage.computeIfAbsent(t.message().strip(), m -> new ArrayList<>()).add(t);
            }
        }
        List<Failure> graded = byMessage.entrySet().stream().map(m -> new Failure(m.getValue(), m.getKey())).toList();
        return new ExerciseFeedback(graded, notRun, notRunPoints, practice);
    }

    /** True when the exercise has something to explain: it was not graded normally, or a test did not pass. */
    static boolean needed(ExerciseResult e) {
        return (e.status() != ExerciseStatus.GRADED && e.status() != ExerciseStatus.PRACTICE)
                || !e.failedTests().isEmpty();
    }
}
