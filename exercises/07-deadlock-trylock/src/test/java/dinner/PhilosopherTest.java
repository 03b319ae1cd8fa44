package dinner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kitchen.forks.Fork;
import kitchen.forks.Table;
import kitchen.grading.Feedback;
import kitchen.trace.Timeline;
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

            assertThat(Dinner.watch(BOUND, plato::done)).withFailMessage(Feedback
                            .observed("dine(seat) had not returned after %d s", "dine(seat) não tinha retornado depois "
                                    + "de %d s", BOUND.toSeconds())
                            .expected("with both forks free, Plato eats once and dine(seat) returns",
                                    "com os dois garfos livres, Plato come uma vez e dine(seat) retorna")
                            .picture(() -> Timeline.of(table.journal())))
                    .isTrue();
            threwNothing(plato, table);
            ateOnce(plato, table);
            assertThat(table.forks().stream().filter(Fork::isLocked).map(Fork::name).toList()).withFailMessage(Feedback
                            .observed("after dinner these forks were still held: %s", "depois do jantar estes garfos "
                                    + "ainda estavam seguros: %s", table.forks().stream().filter(Fork::isLocked)
                                    .map(Fork::name).toList())
                            .expected("both forks back on the table", "os dois garfos de volta na mesa")
                            .hint("see task 3 of the README", "veja a tarefa 3 do README"))
                    .isEmpty();
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

            assertThat(retried).withFailMessage(Feedback
                            .observed("while Kant held %s, Plato gave up on it %d time(s) in %d s",
                                    "enquanto Kant segurava o %s, Plato desistiu dele %d vez(es) em %d s",
                                    table.fork(1).name(), plato.failedTries(), BOUND.toSeconds())
                            .expected("Plato gives up on it at least twice: a tryLock with his patience, then again",
                                    "Plato desiste dele pelo menos duas vezes: um tryLock com a paciência dele, e de novo")
                            .hint("see task 1 of the README", "veja a tarefa 1 do README")
                            .picture(() -> Timeline.of(table.journal())))
                    .isTrue();
            assertThat(plato.holds()).withFailMessage(Feedback
                            .observed("Plato kept %s in his hand through more than one failed try for %s",
                                    "Plato manteve o %s na mão durante mais de uma tentativa fracassada pelo %s",
                                    table.fork(0).name(), table.fork(1).name())
                            .expected("after a failed try, he puts his first fork down before he tries again",
                                    "depois de uma tentativa fracassada, ele larga o primeiro garfo antes de tentar de novo")
                            .hint("see task 2 of the README", "veja a tarefa 2 do README")
                            .picture(() -> Timeline.of(table.journal())))
                    .allMatch(h -> h.fork() != table.fork(0)
                            || h.waitsDuring().stream().filter(Dinner::failedTry).count() <= 1);
            assertThat(plato.backOffs()).withFailMessage(Feedback
                            .observed("Plato never backed off through seat.backOff(...)",
                                    "Plato nunca recuou por seat.backOff(...)")
                            .expected("a back-off after each failed try", "um recuo depois de cada tentativa fracassada")
                            .hint("see task 2 of the README", "veja a tarefa 2 do README"))
                    .isNotEmpty();
            assertThat(Dinner.watch(BOUND, plato::done)).withFailMessage(Feedback
                            .observed("dine(seat) had not returned %d s after Kant put %s down",
                                    "dine(seat) não tinha retornado %d s depois de Kant largar o %s", BOUND.toSeconds(),
                                    table.fork(1).name())
                            .expected("Plato eats once the fork is free, and dine(seat) returns",
                                    "Plato come quando o garfo fica livre, e dine(seat) retorna")
                            .picture(() -> Timeline.of(table.journal())))
                    .isTrue();
            threwNothing(plato, table);
            ateOnce(plato, table);
        }
    }

    private static void threwNothing(Dinner.Guest plato, Table table) {
        assertThat(plato.failure()).withFailMessage(() -> Feedback
                        .observed("dine(seat) threw %s", "dine(seat) lançou %s", plato.failure().orElse(null))
                        .expected("dine(seat) returns normally", "dine(seat) retorna normalmente")
                        .picture(() -> Timeline.of(table.journal())).get())
                .isEmpty();
    }

    private static void ateOnce(Dinner.Guest plato, Table table) {
        assertThat(plato.mealsEaten()).withFailMessage(Feedback
                        .observed("Plato ate %d meal(s) with both forks in hand", "Plato comeu %d vez(es) com os dois "
                                + "garfos na mão", plato.mealsEaten())
                        .expected("one meal: dine(seat) eats once", "uma refeição: dine(seat) come uma vez")
                        .picture(() -> Timeline.of(table.journal())))
                .isEqualTo(1);
    }
}
