package kitchen.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kitchen.grader.Trees;
import kitchen.grader.kit.Kit;
import kitchen.grader.release.ClassroomWorkflow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clone as the template released it is never flagged; an edit to what students should not touch is. */
class TamperingTest {

    @Test
    @DisplayName("a clone without the kitchen's tests (the template ships none) is as released; an edited kitchen is not")
    void kitchenTestsAreNotShipped(@TempDir Path dir) throws IOException {
        Path kit = dir.resolve("kit");
        Trees.copy(Path.of("src/test/resources/fixture-kit").toAbsolutePath(), kit);
        write(kit.resolve("kitchen/src/main/java/kitchen/Stove.java"), "package kitchen; class Stove {}\n");
        write(kit.resolve("kitchen/src/test/java/kitchen/StoveTest.java"), "package kitchen; class StoveTest {}\n");

        Path clone = dir.resolve("clone");
        Trees.copy(kit, clone);
        kitchen.grader.io.Folders.delete(clone.resolve("kitchen/src/test"));
        write(clone.resolve(".github/workflows/classroom.yml"), ClassroomWorkflow.render());
        Tampering tampering = new Tampering(Kit.at(kit));
        assertThat(tampering.check(clone)).isEmpty();

        write(clone.resolve("kitchen/src/main/java/kitchen/Stove.java"), "package kitchen; class Stove { int x; }\n");
        assertThat(tampering.check(clone)).containsExactly("kitchen");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
