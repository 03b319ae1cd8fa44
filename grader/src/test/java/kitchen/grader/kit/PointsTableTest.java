package kitchen.grader.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointsTableTest {

    private static final Kit KIT = Kit.locate().orElseThrow();

    @Test
    @DisplayName("every graded test of every exercise has its Portuguese name from README.pt-BR.md")
    void everyTestHasAPortugueseName() {
        for (Exercise e : KIT.exercises()) {
            Map<String, String> names = PointsTable.portugueseNames(e);
            assertThat(names).as(e.id()).hasSameSizeAs(e.gradedTests());
            for (GradedTest t : e.gradedTests()) {
                assertThat(names.get(t.className() + "#" + t.methodName())).as("%s %s", e.id(), t.id())
                        .isNotBlank().isNotEqualTo(t.displayName());
            }
        }
    }

    @Test
    @DisplayName("a table that does not line up with the tests gives no names, so English stays")
    void misalignedTableGivesNone() {
        String md = """
                | tarefa | teste | pontos |
                | --- | --- | --- |
                | 1 | um | 2 |
                | | **total** | **2** |
                """;
        assertThat(PointsTable.rows(md, "tarefa")).containsExactly(new PointsTable.Row(1, "um", 2));
    }
}
