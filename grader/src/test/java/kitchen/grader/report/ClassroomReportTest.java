package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.TestResult;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClassroomReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    @DisplayName("base64 decodes back to the exercise's JSON")
    void base64RoundTrip() throws Exception {
        String encoded = ClassroomReport.base64(Fixtures.boilEggs(), Lang.EN);

        assertThat(encoded).matches("[A-Za-z0-9+/]+=*");
        String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(ClassroomReport.json(Fixtures.boilEggs(), Lang.EN));
        assertThat(MAPPER.readTree(decoded).get("version").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("a partial exercise: status fail, per-test scores summing to the exercise's score")
    void partial() throws Exception {
        JsonNode root = MAPPER.readTree(ClassroomReport.json(Fixtures.boilEggs(), Lang.EN));

        assertThat(root.properties()).extracting(e -> e.getKey()).containsExactly("version", "status", "max_score", "tests");
        assertThat(root.get("status").asText()).isEqualTo("fail");
        assertThat(root.get("max_score").asInt()).isEqualTo(20);
        assertNoNaN(root);
        assertThat(sum(root)).isEqualTo(12);
        assertThat(root.get("tests")).extracting(t -> t.get("status").asText()).containsExactly("pass", "fail", "error");

        JsonNode passed = root.get("tests").get(0);
        assertThat(passed.get("test_code").asText()).isEmpty();
        assertThat(passed.get("message").asText()).isEmpty();
        assertThat(passed.get("filename").asText()).isEqualTo("BoilEggsTest.java");

        JsonNode failed = root.get("tests").get(1);
        assertThat(failed.get("name").asText()).isEqualTo("all eggs are on the stove at the same time");
        assertThat(failed.get("score").asInt()).isZero();
        // The reporter prints test_code for a failure: it holds the feedback, picture included.
        assertThat(failed.get("test_code").asText()).isEqualTo(Fixtures.TIMELINE);
        // It prints message (not name) for an error: the message names the test.
        assertThat(root.get("tests").get(2).get("message").asText()).startsWith("a cracked egg | `fails` fast: expected");
        assertThat(root.get("tests").get(2).get("test_code").asText()).doesNotContain("\u0000", "\u001b");
    }

    @Test
    @DisplayName("an exercise with no tests gets one synthetic error test worth 0, never an empty list")
    void compileError() throws Exception {
        JsonNode root = MAPPER.readTree(ClassroomReport.json(Fixtures.chopOnions(), Lang.PT_BR));

        assertThat(root.get("status").asText()).isEqualTo("error");
        assertThat(root.get("max_score").asInt()).isEqualTo(15);
        assertNoNaN(root);
        assertThat(root.get("tests")).hasSize(1);
        JsonNode test = root.get("tests").get(0);
        assertThat(test.get("name").asText()).isEqualTo("04-chop-onions: erro de compilação");
        assertThat(test.get("status").asText()).isEqualTo("error");
        assertThat(test.get("score").asInt()).isZero();
        assertThat(test.get("test_code").asText()).startsWith("your code does not compile:\nOnions.java:12");
    }

    @Test
    @DisplayName("a timeout with some tests run keeps their points and adds why it stopped")
    void timeoutWithTests() throws Exception {
        ExerciseResult timeout = new ExerciseResult("06-deadlock", "deadlock", 4, 15, ExerciseStatus.TIMEOUT,
                "deadlock: t1 holds A, waits for B; t2 holds B, waits for A",
                List.of(Fixtures.passed("money is conserved", "conserved", 4)), Duration.ofSeconds(60), "");
        JsonNode root = MAPPER.readTree(ClassroomReport.json(timeout, Lang.EN));

        assertThat(root.get("status").asText()).isEqualTo("error");
        assertNoNaN(root);
        assertThat(sum(root)).isEqualTo(4);
        assertThat(root.get("tests").get(1).get("test_code").asText()).contains("t1 holds A");
    }

    @Test
    @DisplayName("a full score is pass; the combined result holds every exercise's tests and the grade's maximum")
    void passAndCombined() throws Exception {
        assertThat(MAPPER.readTree(ClassroomReport.json(Fixtures.lazyBreakfast(), Lang.EN)).get("status").asText())
                .isEqualTo("pass");

        JsonNode all = MAPPER.readTree(ClassroomReport.json(Fixtures.grade(Lang.EN)));
        assertThat(all.get("max_score").asInt()).isEqualTo(45);
        assertThat(all.get("status").asText()).isEqualTo("error");
        assertThat(all.get("tests")).hasSize(2 + 3 + 1);
        assertThat(sum(all)).isEqualTo(22);
        assertThat(all.get("tests").get(0).get("name").asText()).isEqualTo("01-lazy-breakfast: nothing happens at creation");
        assertNoNaN(all);
    }

    @Test
    @DisplayName("many long messages are shortened so the base64 fits in one environment variable")
    void budget() throws Exception {
        List<TestResult> tests = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            tests.add(Fixtures.failed("test " + t, "t" + t, 1, ("line of feedback " + t + "\n").repeat(200)));
        }
        ExerciseResult big = new ExerciseResult("05-shared", "shared results", 0, 60, ExerciseStatus.GRADED, "", tests,
                Duration.ZERO, "");

        String encoded = ClassroomReport.base64(big, Lang.EN);
        assertThat(encoded.length()).isLessThan(128 * 1024 - 100);
        JsonNode root = MAPPER.readTree(Base64.getDecoder().decode(encoded));
        assertThat(root.get("tests")).hasSize(60);
        assertNoNaN(root);
    }

    /** What the reporter needs to not print NaN or "line undefined". */
    private static void assertNoNaN(JsonNode root) {
        assertThat(root.get("max_score").isInt()).isTrue();
        assertThat(root.get("max_score").asInt()).isPositive();
        assertThat(root.get("tests").isArray()).isTrue();
        assertThat(root.get("tests")).isNotEmpty();
        for (JsonNode test : root.get("tests")) {
            assertThat(test.get("score").isInt()).as(test.toString()).isTrue();
            assertThat(test.get("line_no").isInt()).as(test.toString()).isTrue();
            assertThat(test.get("status").asText()).isIn("pass", "fail", "error");
            assertThat(test.properties()).extracting(e -> e.getKey()).containsExactly(
                    "name", "status", "score", "message", "test_code", "filename", "line_no", "duration");
        }
    }

    private static int sum(JsonNode root) {
        int sum = 0;
        for (JsonNode test : root.get("tests")) {
            sum += test.get("score").asInt();
        }
        return sum;
    }
}
