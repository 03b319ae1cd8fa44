package kitchen.grader.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kitchen.grader.Trees;
import kitchen.grader.engine.Options;
import kitchen.grader.kit.Kit;
import kitchen.grader.kit.KnownVariant;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak that cannot report a problem proves nothing: on a fixture kit whose instructor area holds a
 * "correct variant" that is in fact wrong and a "known mistake" that is in fact correct, the soak must
 * count one false failure and one missed mistake, and say which.
 */
class SoakIT {

    static final Path FIXTURES = Path.of("src/test/resources").toAbsolutePath();
    static final String GOLDEN = """
            package toast;

            public class Toaster {
                public String toast(String bread) {
                    return "golden " + bread;
                }

                public int toastTwo(String a, String b) {
                    return 2;
                }
            }
            """;

    @Test
    @DisplayName("a variant that loses points is a false failure; a mistake that passes is a missed mistake")
    void countsWhatItShould(@TempDir Path root) throws IOException {
        Path kitDir = root.resolve("kit");
        Trees.copy(FIXTURES.resolve("fixture-kit"), kitDir);
        Path toast = kitDir.resolve("solutions/99-toast");
        toaster(toast, GOLDEN);
        variant(toast.resolve("variants/golden-too"), GOLDEN.replace("\"golden \" + bread", "\"golden \".concat(bread)"));
        variant(toast.resolve("variants/burnt"), GOLDEN.replace("golden", "burnt"));
        mistake(toast.resolve("mistakes/burnt"), GOLDEN.replace("golden", "burnt"), "was burnt bread");
        mistake(toast.resolve("mistakes/not-a-mistake"), GOLDEN, "");
        Kit kit = Kit.at(kitDir);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        List<Soak.Row> rows = new Soak(kit, Options.defaults(Lang.EN), new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(List.of(kit.exercise("99-toast").orElseThrow()), 2, 1, 1, false);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.runs()).isEqualTo(2);
            assertThat(row.variants()).as("two variants in the first run").isEqualTo(2);
            assertThat(row.falseFailures()).as("the burnt variant").isEqualTo(1);
            assertThat(row.mistakes()).as("two mistakes in the first run").isEqualTo(2);
            assertThat(row.missed()).as("the mistake that is not one").isEqualTo(1);
        });
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("variant 99-toast/burnt: 4/10 for a correct variant (the burnt way)")
                .contains("the toast was burnt bread")
                .contains("mistake 99-toast/not-a-mistake: toastIsGolden passed: the mistake was missed")
                .doesNotContain("golden-too")
                .doesNotContain("99-toast/burnt: toastIsGolden");
        assertThat(Soak.table(rows, false)).contains("99-toast").contains("variants");
    }

    private static void toaster(Path tree, String source) throws IOException {
        Path file = tree.resolve("src/main/java/toast/Toaster.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    private static void variant(Path dir, String source) throws IOException {
        toaster(dir, source);
        Files.writeString(dir.resolve(KnownVariant.ABOUT), "about=the " + dir.getFileName() + " way\n");
    }

    private static void mistake(Path dir, String source, String fragment) throws IOException {
        toaster(dir, source);
        Files.writeString(dir.resolve("expect.properties"), "test=toastIsGolden\nmessage=" + fragment + "\n");
    }
}
