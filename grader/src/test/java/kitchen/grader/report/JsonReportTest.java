package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    @DisplayName("fields come in the documented order with the report words for statuses")
    void shape() throws Exception {
        JsonNode root = MAPPER.readTree(JsonReport.render(Fixtures.grade(Lang.EN)));

        assertThat(root.properties()).extracting(e -> e.getKey()).containsExactly(
                "score", "maxScore", "lang", "timeScale", "isolation", "submission", "startedAt", "durationMs",
                "exercises");
        assertThat(root.get("isolation").get("level").asText()).isEqualTo("sandbox");
        assertThat(root.get("isolation").get("detail").asText()).contains("unprivileged user");
        assertThat(root.get("score").asInt()).isEqualTo(22);
        assertThat(root.get("maxScore").asInt()).isEqualTo(45);
        assertThat(root.get("lang").asText()).isEqualTo("en");
        assertThat(root.get("startedAt").asText()).isEqualTo("2026-11-02T10:15:30Z");
        assertThat(root.get("durationMs").asLong()).isEqualTo(11_300);

        JsonNode eggs = root.get("exercises").get(1);
        assertThat(eggs.properties()).extracting(e -> e.getKey()).containsExactly(
                "id", "title", "score", "maxScore", "status", "message", "durationMs", "output", "tests");
        assertThat(eggs.get("status").asText()).isEqualTo("graded");
        assertThat(root.get("exercises").get(2).get("status").asText()).isEqualTo("compile-error");

        JsonNode test = eggs.get("tests").get(1);
        assertThat(test.properties()).extracting(e -> e.getKey()).containsExactly(
                "name", "id", "status", "points", "maxPoints", "message", "durationMs");
        assertThat(test.get("id").asText()).isEqualTo("BoilEggsTest.allAtOnce");
        assertThat(test.get("status").asText()).isEqualTo("failed");
        assertThat(test.get("message").asText()).isEqualTo(Fixtures.TIMELINE);
        assertThat(eggs.get("tests").get(2).get("status").asText()).isEqualTo("error");
    }

    @Test
    @DisplayName("hostile text survives as text, without control characters or broken surrogates")
    void hostile() throws Exception {
        JsonNode root = MAPPER.readTree(JsonReport.render(Fixtures.grade(Lang.EN)));
        String message = root.get("exercises").get(1).get("tests").get(2).get("message").asText();

        assertThat(message).isEqualTo(Text.clean(Fixtures.HOSTILE))
                .contains("</testcase> ]]>", "`x`", "|", "\uD83C\uDF73egg")
                .doesNotContain("\u0000", "\u001b", "\ud800l");
        assertThat(root.get("exercises").get(1).get("output").asText()).doesNotContain("\u001b");
    }

    @Test
    @DisplayName("a flood of output or message is capped and says so")
    void capped() throws Exception {
        ExerciseResult flood = new ExerciseResult("03-busy-endpoint", "busy endpoint", 0, 10, ExerciseStatus.CRASHED,
                "x".repeat(100_000), List.of(), Duration.ZERO, "y".repeat(1_000_000));
        JsonNode ex = MAPPER.readTree(JsonReport.render(Fixtures.grade(Lang.PT_BR, flood))).get("exercises").get(0);

        assertThat(ex.get("message").asText()).hasSizeLessThan(Text.MESSAGE_CAP + 50).endsWith("… (truncado)");
        assertThat(ex.get("output").asText()).hasSizeLessThan(Text.OUTPUT_CAP + 50).endsWith("… (truncado)");
    }
}
