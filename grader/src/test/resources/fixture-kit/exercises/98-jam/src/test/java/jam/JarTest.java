package jam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JarTest {

    @Test
    @DisplayName("a jar can be opened")
    void opens() {
        assertThat(new Jar()).isNotNull();
    }
}
