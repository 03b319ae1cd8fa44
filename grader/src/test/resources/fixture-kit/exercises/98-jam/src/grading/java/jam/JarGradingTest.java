package jam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import kitchen.grading.Feedback;
import kitchen.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JarGradingTest {

    @Test
    @DisplayName("jam is spread on the toast")
    @Points(5)
    void spread() {
        assertThat(new Jar().spread("toast")).withFailMessage(Feedback
                .observed("the plate held %s", "o prato tinha %s", new Jar().spread("toast"))
                .expected("toast with jam", "torrada com geleia")
                .hint("spread it", "passe a geleia"))
                .isEqualTo("toast with jam");
    }

    @Test
    @DisplayName("jam for a crowd")
    @Points(0)
    void crowd() {
        // No machine has this many cores: the grader must treat the test as not judgeable, not as failed.
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 100_000, "needs 100000 cores");
        assertThat(new Jar().spread("a crowd")).isEqualTo("a crowd with jam");
    }
}
