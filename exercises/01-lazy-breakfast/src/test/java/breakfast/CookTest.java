package breakfast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import kitchen.breakfast.Griddle;
import kitchen.breakfast.Order;
import kitchen.breakfast.Plate;
import kitchen.trace.Journal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quick checks you can run while you work; the grader's tests look closer. */
@Timeout(10)
class CookTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Griddle griddle = new Griddle(new Journal(), new PrintStream(printed, true, StandardCharsets.UTF_8));
    private final Cook cook = new Cook();

    @Test
    @DisplayName("preparing eggs leaves the griddle cold and silent")
    void preparingCooksNothing() {
        cook.prepare(griddle, new Order("eggs"));

        assertThat(griddle.cookings()).as("cookings right after prepare").isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("printed right after prepare").isEmpty();
    }

    @Test
    @DisplayName("serving the eggs fries them on another thread and returns their plate")
    void servingFriesOnAnotherThread() throws Exception {
        Callable<Plate> breakfast = cook.prepare(griddle, new Order("eggs"));

        Plate plate = cook.serve(breakfast);

        assertThat(plate).as("the plate serve returned").isNotNull().isSameAs(griddle.plates().getFirst());
        assertThat(griddle.cookings()).singleElement()
                .extracting(cooking -> cooking.worker().id()).as("the thread that fried the eggs")
                .isNotEqualTo(Thread.currentThread().threadId());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Frying eggs…");
    }
}
