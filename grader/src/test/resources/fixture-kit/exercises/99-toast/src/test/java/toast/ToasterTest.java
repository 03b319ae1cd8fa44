package toast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ToasterTest {

    @Test
    @DisplayName("a toaster can be made")
    void canBeMade() {
        assertThat(new Toaster()).isNotNull();
    }
}
