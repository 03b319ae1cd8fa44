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
import java.util.Base64;
import java.util.List;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;

/**
 * GitHub Classroom's grader result (version 1), which {@code autograding-grading-reporter} reads from
 * env {@code <RUNNER>_RESULTS} as base64. The workflow runs one runner per exercise, so the result is
 * made per exercise; {@code classroom.json} holds all of them in one object.
 *
 * <p>Shaped by what the reporter does with it: the grade is the sum of {@code tests[].score} over
 * {@code max_score}, so every test has a numeric score and {@code tests} is never empty (either would
 * make the grade NaN); for a test that did not pass it prints {@code test_code}, so the short feedback
 * goes there; for an {@code error} test it prints {@code message} but not the name, so the message
 * names the test; {@code line_no} is a number, or it prints "line undefined".
 */
public final class ClassroomReport {

    static final String FILE = "classroom.json";
    static final String DIR = "classroom";

    /**
     * The base64 travels in an environment variable, and Linux refuses to start a process with one
     * variable over 128 KiB; past this many bytes of JSON the feedback is shortened.
     */
    static final int JSON_BUDGET = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClassroomReport() {
    }

    /** Writes {@code classroom.json} (every exercise) and {@code classroom/<exercise>.json} (one each) in {@code outDir}. */
    public static void write(Path outDir, Grade grade) throws IOException {
        Path dir = Files.createDirectories(outDir.resolve(DIR));
        for (ExerciseResult e : grade.exercises()) {
            Files.writeString(dir.resolve(fileName(e)), json(e, grade.lang()), StandardCharsets.UTF_8);
        }
        Files.writeString(outDir.resolve(FILE), json(grade), StandardCharsets.UTF_8);
    }

    /** One exercise's result as the reporter wants it: base64 of the JSON, for {@code $GITHUB_OUTPUT}. */
    public static String base64(ExerciseResult exercise, Lang lang) {
        return Base64.getEncoder().encodeToString(json(exercise, lang).getBytes(StandardCharsets.UTF_8));
    }

    static String fileName(ExerciseResult exercise) {
        return Text.fileName(exercise.id()) + ".json";
    }

    static String json(ExerciseResult exercise, Lang lang) {
        return withinBudget(List.of(exercise), lang, false);
    }

    static String json(Grade grade) {
        return withinBudget(grade.exercises(), grade.lang(), true);
    }

    private static String withinBudget(List<ExerciseResult> exercises, Lang lang, boolean prefixIds) {
        String full = serialize(result(exercises, lang, prefixIds, 20, 2000));
        if (full.getBytes(StandardCharsets.UTF_8).length <= JSON_BUDGET) {
            return full;
        }
        return serialize(result(exercises, lang, prefixIds, 3, 300));
    }

    private static ObjectNode result(List<ExerciseResult> exercises, Lang lang, boolean prefixIds,
            int feedbackLines, int feedbackChars) {
        List<ObjectNode> tests = new ArrayList<>();
        for (ExerciseResult e : exercises) {
            String prefix = prefixIds ? Text.clean(e.id()) + ": " : "";
            for (TestResult t : e.tests()) {
                tests.add(test(prefix + Text.clean(t.name()), word(t.status()), t.points(), t.message(),
                        Text.clean(simpleName(t.className())) + ".java", Text.millis(t.duration()),
                        lang, feedbackLines, feedbackChars));
            }
            // An exercise that did not run normally says why in a test of its own: worth 0, so the sum
            // stays the score, and never an empty list.
            if (e.status() != ExerciseStatus.GRADED || e.tests().isEmpty()) {
                String name = Text.clean(e.id()) + ": " + Label.verdict(e).in(lang);
                String status = e.status() == ExerciseStatus.GRADED ? "fail" : "error";
                tests.add(test(name, status, 0, e.message(), "", Text.millis(e.duration()),
                        lang, feedbackLines, feedbackChars));
            }
        }
        int score = exercises.stream().mapToInt(ExerciseResult::score).sum();
        int max = exercises.stream().mapToInt(ExerciseResult::maxScore).sum();
        boolean error = exercises.stream().anyMatch(e -> e.status() != ExerciseStatus.GRADED);

        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("status", error ? "error" : score >= max ? "pass" : "fail");
        root.put("max_score", max);
        ArrayNode array = root.putArray("tests");
        tests.forEach(array::add);
        return root;
    }

    private static ObjectNode test(String name, String status, int score, String message, String filename,
            long durationMs, Lang lang, int feedbackLines, int feedbackChars) {
        boolean passed = status.equals("pass");
        ObjectNode test = MAPPER.createObjectNode();
        test.put("name", name);
        test.put("status", status);
        test.put("score", score);
        test.put("message", passed ? "" : name + ": " + Text.firstLine(message, 300, lang));
        test.put("test_code", passed ? "" : Text.head(message, feedbackLines, feedbackChars, lang));
        test.put("filename", filename);
        test.put("line_no", 0);
        test.put("duration", durationMs);
        return test;
    }

    private static String word(TestStatus status) {
        return switch (status) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case ERROR -> "error";
        };
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
