package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassroomReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @DisplayName("one runner per graded test, named exNNtMM in report order; public tests have none")
    void oneRunnerPerGradedTest() {
        Grade grade = Fixtures.grade(Lang.EN, Fixtures.lazyBreakfast(), Fixtures.boilEggs());

        assertThat(ClassroomReport.runners(grade)).extracting(ClassroomReport.Runner::id)
                .containsExactly("ex01t01", "ex01t02", "ex02t01", "ex02t02", "ex02t03");
        assertThat(ClassroomReport.runners(grade)).allMatch(r -> r.test().maxPoints() > 0);
    }

    @Test
    @DisplayName("a failed test: status fail, score 0, its feedback (picture included) in test_code")
    void failedTest() throws Exception {
        JsonNode root = runner(Fixtures.grade(Lang.EN, Fixtures.boilEggs()), "ex02t02");

        assertThat(root.properties()).extracting(e -> e.getKey()).containsExactly("version", "status", "max_score", "tests");
        assertThat(root.get("status").asText()).isEqualTo("fail");
        assertThat(root.get("max_score").asInt()).isEqualTo(5);
        assertNoNaN(root);
        JsonNode test = root.get("tests").get(0);
        assertThat(test.get("name").asText()).isEqualTo("02-boil-eggs: all eggs are on the stove at the same time");
        assertThat(test.get("score").asInt()).isZero();
        assertThat(test.get("test_code").asText()).isEqualTo(Fixtures.TIMELINE);

        JsonNode error = runner(Fixtures.grade(Lang.EN, Fixtures.boilEggs()), "ex02t03").get("tests").get(0);
        // An error is reported as a failure: the reporter prints an error's message without the test's name.
        assertThat(error.get("status").asText()).isEqualTo("fail");
        assertThat(error.get("message").asText()).startsWith("02-boil-eggs: a cracked egg | `fails` fast: expected");
        assertThat(error.get("test_code").asText()).doesNotContain("\u0000", "\u001b");
    }

    @Test
    @DisplayName("a graded test that never ran (compile error) has its runner: fail, 0 points, why in test_code")
    void notRun() throws Exception {
        ExerciseResult onions = Fixtures.chopOnions();
        Grade grade = Fixtures.grade(Lang.PT_BR, onions);

        assertThat(ClassroomReport.runners(grade)).hasSize(2);
        JsonNode root = runner(grade, "ex04t01");
        assertNoNaN(root);
        JsonNode test = root.get("tests").get(0);
        assertThat(test.get("status").asText()).isEqualTo("fail");
        assertThat(test.get("score").asInt()).isZero();
        assertThat(test.get("test_code").asText()).contains("your code does not compile:\nOnions.java:12");
    }

    @Test
    @DisplayName("a passed test in a run the grader could not trust (zeroed) is a failure worth 0, never a pass")
    void zeroedIsNotAPass() throws Exception {
        ExerciseResult tampered = Fixtures.lazyBreakfast().withStatus(ExerciseStatus.TAMPERED)
                .withMessage("observed: while your code ran, the grader's own files changed").zeroed();
        Grade grade = Fixtures.grade(Lang.EN, tampered);
        JsonNode test = runner(grade, "ex01t01").get("tests").get(0);

        assertThat(test.get("status").asText()).isEqualTo("fail");
        assertThat(test.get("score").asInt()).isZero();
        assertThat(test.get("test_code").asText()).contains("the grader's own files changed");
    }

    @Test
    @DisplayName("the reporter's notice, its table and its per-runner totals all equal the grade")
    void reporterAgreesWithTheGrade() throws Exception {
        ExerciseResult tampered = Fixtures.lazyBreakfast().withStatus(ExerciseStatus.TAMPERED).zeroed();
        for (Grade grade : List.of(Fixtures.grade(Lang.EN), Fixtures.grade(Lang.EN, Fixtures.lazyBreakfast()),
                Fixtures.grade(Lang.PT_BR, Fixtures.chopOnions()), Fixtures.grade(Lang.EN, tampered, Fixtures.boilEggs()))) {
            Path out = Files.createTempDirectory(dir, "grade");
            Reports.writeAll(out, grade);
            ClassroomReporter reporter = ClassroomReporter.read(out);

            assertThat(reporter.noticePoints()).as("notice").isEqualTo(grade.score());
            assertThat(reporter.noticeMax()).as("notice max").isEqualTo(grade.maxScore());
            assertThat(reporter.tableTotal()).as("table").isEqualTo(grade.score());
            assertThat(reporter.jobFails()).isEqualTo(grade.score() < grade.maxScore());
            JsonNode report = MAPPER.readTree(out.resolve("report.json").toFile());
            assertThat(report.get("score").asInt()).isEqualTo(grade.score());
            assertThat(report.get("maxScore").asInt()).isEqualTo(grade.maxScore());
        }
    }

    @Test
    @DisplayName("classroom.json holds every graded test of the grade, with the grade's maximum")
    void combined() throws Exception {
        JsonNode all = MAPPER.readTree(ClassroomReport.json(Fixtures.grade(Lang.EN)));

        assertThat(all.get("max_score").asInt()).isEqualTo(45);
        assertThat(all.get("status").asText()).isEqualTo("fail");
        assertThat(all.get("tests")).hasSize(2 + 3 + 2);
        assertThat(sum(all)).isEqualTo(22);
        assertThat(all.get("tests").get(0).get("name").asText()).isEqualTo("01-lazy-breakfast: nothing happens at creation");
        assertNoNaN(all);
    }

    @Test
    @DisplayName("a very long message is shortened so the base64 of a runner stays small in the environment")
    void budget() throws Exception {
        ExerciseResult big = new ExerciseResult("05-shared", "shared results", 0, 1, ExerciseStatus.GRADED, "",
                List.of(Fixtures.failed("test", "t", 1, "line of feedback\n".repeat(5000))), Duration.ZERO, "");
        String json = ClassroomReport.json(ClassroomReport.runners(Fixtures.grade(Lang.EN, big)).getFirst(), Lang.EN);

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ClassroomReport.JSON_BUDGET);
        assertNoNaN(MAPPER.readTree(json));
    }

    private static JsonNode runner(Grade grade, String id) throws Exception {
        ClassroomReport.Runner runner = ClassroomReport.runners(grade).stream().filter(r -> r.id().equals(id))
                .findFirst().orElseThrow();
        return MAPPER.readTree(ClassroomReport.json(runner, grade.lang()));
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
            assertThat(test.get("status").asText()).isIn("pass", "fail");
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
