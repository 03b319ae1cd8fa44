package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("writeAll writes every report, creating the folders, in UTF-8")
    void writesEverything() throws Exception {
        Path out = dir.resolve("out/grade");
        Reports.writeAll(out, Fixtures.grade(Lang.PT_BR));

        assertThat(out.resolve("report.json")).isRegularFile();
        assertThat(out.resolve("report.html")).content().contains("<title>Concurrency Kitchen — 22 / 45</title>");
        assertThat(out.resolve("summary.md")).content().startsWith("# Concurrency Kitchen — 22 / 45").contains("situação");
        assertThat(out.resolve("junit/TEST-01-lazy-breakfast.xml")).isRegularFile();
        assertThat(out.resolve("junit/TEST-02-boil-eggs.xml")).isRegularFile();
        assertThat(out.resolve("junit/TEST-04-chop-onions.xml")).content().contains("erro de compilação");
        assertThat(out.resolve("classroom/ex02t01.json")).isRegularFile();
        assertThat(out.resolve("classroom/ex04t02.json")).isRegularFile();
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(out.resolve("classroom.json").toFile()).get("max_score").asInt()).isEqualTo(45);
        assertThat(mapper.readTree(out.resolve("report.json").toFile()).get("score").asInt()).isEqualTo(22);
    }

    @Test
    @DisplayName("a later run on fewer exercises removes the reports of the others")
    void removesStale() throws Exception {
        Reports.writeAll(dir, Fixtures.grade(Lang.EN));
        Files.writeString(dir.resolve("junit/notes.txt"), "not ours");

        Reports.writeAll(dir, Fixtures.grade(Lang.EN, Fixtures.boilEggs()));

        try (var files = Files.list(dir.resolve("junit"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("TEST-02-boil-eggs.xml", "notes.txt");
        }
        try (var files = Files.list(dir.resolve("classroom"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("ex02t01.json", "ex02t02.json", "ex02t03.json");
        }
    }
}
