package kitchen.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grading.Lang;

/**
 * {@code report.json}: the whole grade, for tools (batch grading, dashboards). Built as a tree node by
 * node so the field order is the order written here, whatever Jackson's defaults become.
 */
final class JsonReport {

    static final String FILE = "report.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static void write(Path outDir, Grade grade) throws IOException {
        Files.writeString(outDir.resolve(FILE), render(grade) + "\n", StandardCharsets.UTF_8);
    }

    static String render(Grade grade) {
        try {
            return MAPPER.writeValueAsString(tree(grade));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
        }
    }

    static ObjectNode tree(Grade grade) {
        Lang lang = grade.lang();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("score", grade.score());
        root.put("maxScore", grade.maxScore());
        root.put("lang", lang.tag());
        root.put("timeScale", grade.timeScale());
        ObjectNode isolation = root.putObject("isolation");
        isolation.put("level", grade.isolation().level().key());
        isolation.put("detail", grade.isolation().detail());
        root.put("submission", Text.clean(grade.submission()));
        root.put("startedAt", grade.started() == null ? null : grade.started().toString());
        root.put("durationMs", Text.millis(grade.duration()));
        ArrayNode exercises = root.putArray("exercises");
        for (ExerciseResult e : grade.exercises()) {
            ObjectNode ex = exercises.addObject();
            ex.put("id", Text.clean(e.id()));
            ex.put("title", Text.clean(e.title()));
            ex.put("score", e.score());
            ex.put("maxScore", e.maxScore());
            ex.put("status", e.status().json());
            ex.put("message", Text.capped(e.message(), Text.MESSAGE_CAP, lang));
            ex.put("durationMs", Text.millis(e.duration()));
            ex.put("output", Text.capped(e.output(), Text.OUTPUT_CAP, lang));
            ArrayNode tests = ex.putArray("tests");
            for (TestResult t : e.tests()) {
                ObjectNode test = tests.addObject();
                test.put("name", Text.clean(t.name()));
                test.put("id", Text.clean(t.id()));
                test.put("status", t.status().json());
                test.put("points", t.points());
                test.put("maxPoints", t.maxPoints());
                test.put("message", Text.capped(t.message(), Text.MESSAGE_CAP, lang));
                test.put("durationMs", Text.millis(t.duration()));
                if (!t.pictures().isEmpty()) {
                    ArrayNode pictures = test.putArray("pictures");
                    t.pictures().forEach(picture -> pictures.add(MAPPER.valueToTree(picture)));
                }
            }
        }
        return root;
    }
}
