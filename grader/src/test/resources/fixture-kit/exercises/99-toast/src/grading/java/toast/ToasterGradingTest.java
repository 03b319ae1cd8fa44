package toast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import kitchen.grading.Feedback;
import kitchen.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ToasterGradingTest {

    @Test
    @DisplayName("toast is golden")
    @Points(6)
    void toastIsGolden() throws Exception {
        assertThat(new Toaster().toast("bread")).withFailMessage(Feedback
                .observed("the toast was %s", "a torrada ficou %s", new Toaster().toast("bread"))
                .expected("golden bread", "golden bread")
                .hint("toast it", "torre"))
                .isEqualTo("golden bread");
    }

    @Test
    @DisplayName("two slices are toasted")
    @Points(4)
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void twoSlices() throws Exception {
        assertThat(new Toaster().toastTwo("a", "b")).isEqualTo(2);
    }
}
