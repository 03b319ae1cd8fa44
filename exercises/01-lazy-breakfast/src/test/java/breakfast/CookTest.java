package breakfast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import kitchen.breakfast.Griddle;
import kitchen.breakfast.Order;
import kitchen.breakfast.Plate;
import kitchen.grading.Feedback;
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

        assertThat(griddle.cookings()).withFailMessage(Feedback
                .observed("prepare already fried the eggs (printed: %s)", "prepare já fritou os ovos (imprimiu: %s)",
                        printed.toString(StandardCharsets.UTF_8).strip().replaceAll("\\R", " / "))
                .expected("nothing fried until the task runs", "nada frito até a tarefa executar"))
                .isEmpty();
    }

    @Test
    @DisplayName("serving the eggs fries them on another thread and returns their plate")
    void servingFriesOnAnotherThread() throws Exception {
        Callable<Plate> breakfast = cook.prepare(griddle, new Order("eggs"));

        Plate plate = cook.serve(breakfast);

        assertThat(griddle.cookings()).withFailMessage(Feedback
                .observed("the eggs were fried on this test's own thread, the one calling prepare and serve",
                        "os ovos foram fritos na própria thread deste teste, a que chama prepare e serve")
                .expected("serve runs the task on another thread", "serve executa a tarefa em outra thread"))
                .noneMatch(cooking -> cooking.worker().id() == Thread.currentThread().threadId());
        assertThat(plate).withFailMessage(Feedback
                .observed("serve returned %s; the griddle made %s", "serve devolveu %s; a chapa fez %s",
                        plate, griddle.plates())
                .expected("serve returns the plate the task made", "serve devolve o prato que a tarefa fez"))
                .isNotNull()
                .isIn(griddle.plates());
    }
}
