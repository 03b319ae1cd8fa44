package kitchen.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kitchen.grader.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: exit codes, usage on bad arguments, reports on disk. */
public class CliTest {

    static final Path FIXTURES = Path.of("src/test/resources").toAbsolutePath();
    static final String KIT = FIXTURES.resolve("fixture-kit").toString();

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("no command: usage and exit code 2")
    void noCommand() {
        Run r = run();
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Missing command", "Usage:");
    }

    @Test
    @DisplayName("an unknown option: usage and exit code 2, no stack trace")
    void unknownOption() {
        Run r = run("grade", "--frobnicate");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Unknown option", "Usage:").doesNotContain("Exception", "\tat ");
    }

    @Test
    @DisplayName("an unknown exercise id: the list of known ids and exit code 2")
    void unknownExercise() {
        Run r = run("grade", "--kit", KIT, "--exercise", "42-nothing");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown exercise '42-nothing'", "99-toast");
    }

    @Test
    @DisplayName("a bad --lang: exit code 2")
    void badLang() {
        Run r = run("grade", "--kit", KIT, "--lang", "klingon");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("en or pt-BR");
    }

    @Test
    @DisplayName("--submission and --solutions together: exit code 2")
    void exclusiveSources() {
        Run r = run("grade", "--kit", KIT, "--solutions", "--submission", KIT);
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    @DisplayName("a --submission folder that does not exist: exit code 2")
    void missingSubmission() {
        Run r = run("grade", "--kit", KIT, "--submission", FIXTURES.resolve("no-such-folder").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no such folder");
    }

    @Test
    @DisplayName("--solutions on a kit without solutions/: exit code 2")
    void noSolutions() {
        Run r = run("grade", "--kit", KIT, "--solutions");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no solutions/");
    }

    @Test
    @DisplayName("soak: --mistake-runs beyond --runs, or a kit without solutions/: exit code 2")
    void soakArguments() {
        Run tooMany = run("soak", "--kit", KIT, "--runs", "3", "--mistake-runs", "5");
        assertThat(tooMany.code()).isEqualTo(Main.USAGE);
        assertThat(tooMany.err()).contains("--mistake-runs must be between 0 and --runs (3), was 5");
        Run noSolutions = run("soak", "--kit", KIT, "--runs", "1");
        assertThat(noSolutions.code()).isEqualTo(Main.USAGE);
        assertThat(noSolutions.err()).contains("soak needs the instructor repository");
    }

    @Test
    @DisplayName("--help prints usage and exits 0")
    void help() {
        Run r = run("grade", "--help");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("--submission", "--solutions", "--exercise", "--out", "--lang");
    }

    @Test
    @DisplayName("grading prints the table, writes every report, and exits 0 whatever the score")
    void gradesAndWritesReports(@TempDir Path out) throws Exception {
        Run r = run("grade", "--kit", KIT, "--submission", FIXTURES.resolve("submissions/half").toString(),
                "--out", out.toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("99-toast", "4", "10");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        // 99-toast half right (4/10), 98-jam right (5/5).
        assertThat(report.get("score").asInt()).isEqualTo(9);
        assertThat(report.get("maxScore").asInt()).isEqualTo(15);
        JsonNode exercise = exercise(report, "99-toast");
        assertThat(exercise.get("id").asText()).isEqualTo("99-toast");
        assertThat(exercise.get("status").asText()).isEqualTo("graded");
        assertThat(exercise.get("tests")).hasSize(3);

        assertThat(out.resolve("summary.md")).content().contains("4", "10", "toast is golden");
        assertThat(out.resolve("junit/TEST-99-toast.xml")).exists();
        JsonNode classroom = new ObjectMapper().readTree(out.resolve("classroom.json").toFile());
        assertThat(classroom.get("version").asInt()).isEqualTo(1);
        assertThat(classroom.get("max_score").asInt()).isEqualTo(15);
        assertThat(classroom.get("tests")).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("score").isNumber()).isTrue();
            assertThat(t.get("line_no").isNumber()).isTrue();
        });
    }

    @Test
    @DisplayName("a compile error still exits 0 and reports the exercise as compile-error")
    void compileErrorExitsZero(@TempDir Path out) throws Exception {
        Run r = run("grade", "--kit", KIT, "--submission", FIXTURES.resolve("submissions/compile-error").toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(Main.OK);
        String json = Files.readString(out.resolve("report.json"));
        assertThat(exercise(new ObjectMapper().readTree(json), "99-toast").get("status").asText())
                .isEqualTo("compile-error");
    }

    static JsonNode exercise(JsonNode report, String id) {
        for (JsonNode e : report.get("exercises")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no exercise " + id + " in " + report);
    }
}
