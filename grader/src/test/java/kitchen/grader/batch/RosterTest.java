package kitchen.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

    @Test
    @DisplayName("reads GitHub Classroom's export: usernames without case, unlinked entries ignored")
    void reads(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("classroom_roster.csv"), """
                "identifier","github_username","github_id","name"
                "ana@uni.br","Ana-Dev","7","Ana"
                "bruno@uni.br","","",""
                """);
        Roster roster = Roster.read(csv);
        assertThat(roster.identifierOf("ana-dev")).isEqualTo("ana@uni.br");
        assertThat(roster.identifierOf("bruno")).isEmpty();
        assertThat(roster.identifierOf("")).isEmpty();
        assertThat(roster.identifiers()).hasSize(1);
    }

    @Test
    @DisplayName("a CSV that is not a roster is refused, naming the columns it needs")
    void refusesOtherFiles(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("grades.csv"), "student,total\nana,90\n");
        assertThatThrownBy(() -> Roster.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identifier and github_username");
    }
}
