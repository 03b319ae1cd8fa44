package orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.results.Dish;
import kitchen.results.SlowMotion;
import kitchen.results.Snapshot;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quick checks you can run while you work; the grader's tests look closer. */
@Timeout(60)
class OrderBoardTest {

    @Test
    @DisplayName("one cook at a time: every dish is counted and kept, and a snapshot is a copy nobody can change")
    void oneCookAtATime() {
        OrderBoard board = new OrderBoard();
        board.add(new Dish(1, 0));
        board.add(new Dish(1, 1));
        board.add(new Dish(2, 0));

        Snapshot snapshot = board.snapshot();
        board.add(new Dish(2, 1));

        assertThat(board.count()).withFailMessage(Feedback
                        .observed("count() = %d after 4 adds", "count() = %d depois de 4 anotações", board.count())
                        .expected("4", "4"))
                .isEqualTo(4);
        assertThat(snapshot.count()).withFailMessage(Feedback
                        .observed("a snapshot taken after 3 adds says count = %d", "um retrato tirado depois de 3 "
                                + "anotações diz count = %d", snapshot.count())
                        .expected("3", "3"))
                .isEqualTo(3);
        List<Dish> first = List.of(new Dish(1, 0), new Dish(1, 1), new Dish(2, 0));
        assertThat(snapshot.dishes()).withFailMessage(Feedback
                        .observed("after one more add, the snapshot taken before it holds %s",
                                "depois de mais uma anotação, o retrato tirado antes dela tem %s", snapshot.dishes())
                        .expected("the 3 dishes it was taken with, in order: %s",
                                "os 3 pratos de quando foi tirado, em ordem: %s", first)
                        .hint("see task 2 of the README", "veja a tarefa 2 do README"))
                .containsExactlyElementsOf(first);
        Throwable changed = catchThrowable(() -> snapshot.dishes().add(new Dish(3, 0)));
        assertThat(changed).withFailMessage(Feedback
                        .observed("adding to the snapshot's list %s", "anotar na lista do retrato %s", changed == null
                                ? Lang.current().pick("worked", "funcionou") : Lang.current().pick("threw ", "lançou ") + changed)
                        .expected("an UnsupportedOperationException: nobody can change a snapshot",
                                "uma UnsupportedOperationException: ninguém pode mudar um retrato"))
                .isInstanceOf(UnsupportedOperationException.class);
        int size = board.snapshot().dishes().size();
        assertThat(size).withFailMessage(Feedback
                        .observed("a snapshot after 4 adds holds %d dishes", "um retrato depois de 4 anotações tem %d "
                                + "pratos", size)
                        .expected("4", "4"))
                .isEqualTo(4);
    }

    @Test
    @DisplayName("two cooks in slow motion: wherever one cook is paused, the other's add is not lost")
    void twoCooksInSlowMotion() {
        SlowMotion.Replay replay = SlowMotion.of(TwoCooks.class).watching("orders").replay();

        assertThat(replay.firstFailure())
                .withFailMessage(() -> replay.firstFailure()
                        .map(take -> take.verdict() + "\n\n" + take.story(Lang.current())).orElse(""))
                .isEmpty();
    }
}
