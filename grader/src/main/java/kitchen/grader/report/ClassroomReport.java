package kitchen.grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;

/**
 * GitHub Classroom's grader result (version 1), which {@code autograding-grading-reporter} reads from
 * env {@code <RUNNER>_RESULTS} as base64: one file per <em>graded test</em> in {@code classroom/}, named
 * after its runner id, and {@code classroom.json} with every graded test in one object.
 *
 * <p>One runner per graded test because of the reporter's arithmetic: its {@code Points} notice (what
 * Classroom records) is the sum of {@code tests[].score} over the sum of {@code max_score}, but its log
 * table and its "Total points for …" lines are (tests passed ÷ tests) × {@code max_score} per runner.
 * With one all-or-nothing test per runner the two are the same number, equal to report.json. Public tests
 * are worth no points and stay out (a 0-point test would count in "passed ÷ tests"); every graded test the
 * kit declares has its runner on every push, with 0 points when it did not run (compile error, deadline),
 * so {@code tests} is never empty and every score is a number (the reporter's grade would be NaN otherwise).
 * A test counts as passed only if it earned its points (a passed test in a run the grader could not
 * trust earns 0, and must not show as passed in the table). For a failed test the reporter prints
 * {@code test_code}, so the short feedback goes there; {@code line_no} is a number, or it prints
 * "line undefined".
 */
public final class ClassroomReport {

    static final String FILE = "classroom.json";
    static final String DIR = "classroom";

    /**
     * Each runner's base64 travels in an environment variable of the reporter's step, and Linux refuses
     * to start a process whose environment is over 2 MiB (and any one variable over 128 KiB): past this
     * many bytes of JSON per runner the feedback is shortened.
     */
    static final int JSON_BUDGET = 12 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClassroomReport() {
    }

    /** One graded test's runner: its id (alphanumeric, as the reporter requires) and its result. */
    public record Runner(String id, ExerciseResult exercise, TestResult test) {
    }

    /** Every graded test of the grade, in report order, with its runner id: {@code ex02t03} is 02's third. */
    public static List<Runner> runners(Grade grade) {
        List<Runner> runners = new ArrayList<>();
        for (ExerciseResult e : grade.exercises()) {
            List<TestResult> graded = e.gradedTests();
            for (int i = 0; i < graded.size(); i++) {
                runners.add(new Runner(runnerPrefix(e.id()) + "t" + String.format("%02d", i + 1), e, graded.get(i)));
            }
        }
        return runners;
    }

    /** "ex" and the exercise's number ("ex02"), or its id without other characters when it has no number. */
    static String runnerPrefix(String exerciseId) {
        String digits = exerciseId.replaceAll("^(\\d+).*$", "$1");
        return "ex" + (digits.equals(exerciseId) ? exerciseId.replaceAll("[^A-Za-z0-9]", "") : digits);
    }

    /** Writes {@code classroom/<runner>.json} (one per graded test) and {@code classroom.json} in {@code outDir}. */
    public static void write(Path outDir, Grade grade) throws IOException {
        Path dir = Files.createDirectories(outDir.resolve(DIR));
        for (Runner r : runners(grade)) {
            Files.writeString(dir.resolve(fileName(r)), json(r, grade.lang()), StandardCharsets.UTF_8);
        }
        Files.writeString(outDir.resolve(FILE), json(grade), StandardCharsets.UTF_8);
    }

    static String fileName(Runner runner) {
        return runner.id() + ".json";
    }

    static String json(Runner runner, Lang lang) {
        String full = serialize(result(List.of(runner), lang, 20, 2000));
        if (full.getBytes(StandardCharsets.UTF_8).length <= JSON_BUDGET) {
            return full;
        }
        return serialize(result(List.of(runner), lang, 3, 300));
    }

    static String json(Grade grade) {
        return serialize(result(runners(grade), grade.lang(), 3, 300));
    }

    private static ObjectNode result(List<Runner> runners, Lang lang, int feedbackLines, int feedbackChars) {
        ArrayNode tests = MAPPER.createArrayNode();
        int max = 0;
        boolean all = true;
        for (Runner r : runners) {
            TestResult t = r.test();
            max += t.maxPoints();
            all &= t.earned();
            tests.add(test(r, lang, feedbackLines, feedbackChars));
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("status", all ? "pass" : "fail");
        root.put("max_score", max);
        root.set("tests", tests);
        return root;
    }

    private static ObjectNode test(Runner r, Lang lang, int feedbackLines, int feedbackChars) {
        TestResult t = r.test();
        boolean passed = t.earned();
        String name = Text.clean(r.exercise().id()) + ": " + Text.clean(t.name());
        // A test that never ran says why the exercise stopped (a compile error, a deadline) after its own line.
        String feedback = t.status() == TestStatus.NOT_RUN && !r.exercise().message().isBlank()
                ? t.message() + "\n" + r.exercise().message()
                : t.passed() && !passed ? r.exercise().message() : t.message();
        ObjectNode test = MAPPER.createObjectNode();
        test.put("name", name);
        test.put("status", passed ? "pass" : "fail");
        test.put("score", t.points());
        test.put("message", passed ? "" : name + ": " + Text.firstLine(feedback, 300, lang));
        test.put("test_code", passed ? "" : Text.head(feedback, feedbackLines, feedbackChars, lang));
        test.put("filename", Text.clean(simpleName(t.className())) + ".java");
        test.put("line_no", 0);
        test.put("duration", Text.millis(t.duration()));
        return test;
    }

    private static String simpleName(String className) {
        return className == null ? "" : className.substring(className.lastIndexOf('.') + 1);
    }

    private static String serialize(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
        }
    }
}
