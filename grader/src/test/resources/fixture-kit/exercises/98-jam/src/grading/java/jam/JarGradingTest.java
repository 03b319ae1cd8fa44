package jam;

import static org.assertj.core.api.Assertions.assertThat;

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
}
