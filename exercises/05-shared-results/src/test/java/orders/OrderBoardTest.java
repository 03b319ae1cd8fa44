package orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        assertThat(board.count()).isEqualTo(4);
        assertThat(snapshot.count()).as("the snapshot's count").isEqualTo(3);
        assertThat(snapshot.dishes()).as("the snapshot's dishes, after one more add")
                .containsExactly(new Dish(1, 0), new Dish(1, 1), new Dish(2, 0));
        assertThatThrownBy(() -> snapshot.dishes().add(new Dish(3, 0))).as("changing the snapshot's list")
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(board.snapshot().dishes()).hasSize(4);
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
