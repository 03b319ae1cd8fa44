package dinner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kitchen.forks.Fork;
import kitchen.forks.Table;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quick checks you can run while you work; the grader's tests look closer. */
@Timeout(20)
class PhilosopherTest {

    private static final Duration PATIENCE = Duration.ofMillis(50);
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    @DisplayName("with both forks free, a philosopher eats once and puts both forks down")
    void eatsOnceWithBothForks() {
        Table table = new Table(2, PATIENCE);
        try (Dinner dinner = new Dinner(table)) {
            Dinner.Guest plato = dinner.seat("Plato", table.seat(0, 1), 1);

            assertThat(Dinner.watch(BOUND, plato::done)).as("dine(seat) returned").isTrue();
            assertThat(plato.failure()).as("what dine(seat) threw").isEmpty();
            assertThat(plato.mealsEaten()).as("meals Plato ate with both forks in hand").isEqualTo(1);
            assertThat(table.forks()).as("forks still held after dinner").noneMatch(Fork::isLocked);
        }
    }

    @Test
    @DisplayName("a philosopher whose right fork stays taken puts his left fork down, backs off, and eats once it is free")
    void givesUpTheLeftForkWhileTheRightOneIsTaken() {
        Table table = new Table(2, PATIENCE);
        try (Dinner dinner = new Dinner(table)) {
            Dinner.Neighbour kant = dinner.neighbour("Kant", table.fork(1));
            Dinner.Guest plato = dinner.seat("Plato", table.seat(0, 1), 1);

            boolean retried = Dinner.watch(BOUND, () -> plato.failedTries() >= 2);
            kant.putDown();

            assertThat(retried).as("Plato gave up on fork 1 twice while Kant held it (tryLock with his patience)")
                    .isTrue();
            assertThat(plato.holds()).as("Plato's holds of fork 0: each one at most one failed try")
                    .allMatch(h -> h.fork() != table.fork(0)
                            || h.waitsDuring().stream().filter(Dinner::failedTry).count() <= 1);
            assertThat(plato.backOffs()).as("Plato's back-offs through seat.backOff(...)").isNotEmpty();
            assertThat(Dinner.watch(BOUND, plato::done)).as("dine(seat) returned once Kant put fork 1 down")
                    .isTrue();
            assertThat(plato.failure()).as("what dine(seat) threw").isEmpty();
            assertThat(plato.mealsEaten()).as("meals Plato ate with both forks in hand").isEqualTo(1);
        }
    }
}
