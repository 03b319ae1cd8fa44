package kitchen.grader.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kitchen.grader.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exercise records its stub's fingerprint, and the fingerprint tells a stub from started work. */
class StubFingerprintTest {

    private static final Kit KIT = Kit.locate().orElseThrow();

    @Test
    @DisplayName("each exercise.properties holds the fingerprint of its stub as it is now")
    void recorded() {
        assertThat(KIT.exercises()).isNotEmpty();
        for (Exercise e : KIT.exercises()) {
            String actual = StubFingerprint.of(e.stubSources());
            assertThat(e.stubSha256()).as("exercises/%s/exercise.properties: set stub.sha256=%s", e.id(), actual)
                    .isEqualTo(actual);
            assertThat(e.untouched(e.stubSources())).isTrue();
        }
    }

    @Test
    @DisplayName("Windows line ends do not count as a change; one changed character does")
    void whatCounts(@TempDir Path temp) throws IOException {
        Exercise eggs = KIT.exercise("02-boil-eggs").orElseThrow();
        Path copy = temp.resolve("java");
        Trees.copy(eggs.stubSources(), copy);
        Path chef;
        try (var files = Files.walk(copy)) {
            chef = files.filter(p -> p.toString().endsWith(".java")).findFirst().orElseThrow();
        }
        Files.writeString(chef, Files.readString(chef).replace("\n", "\r\n"));
        assertThat(eggs.untouched(copy)).as("CRLF copy").isTrue();

        Files.writeString(chef, Files.readString(chef) + " ");
        assertThat(eggs.untouched(copy)).as("one more space").isFalse();
        assertThat(eggs.untouched(temp.resolve("nowhere"))).as("no sources").isFalse();
    }
}
