package dinner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kitchen.forks.Fork;
import kitchen.forks.Spilled;
import kitchen.forks.Table;
import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.grading.Points;
import kitchen.grading.TimeScale;
import kitchen.trace.Timeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hidden graded tests of exercise 07. Philosophers dine on threads named after them ({@link Dinner}); the
 * table's forks record every request (with its patience and the forks already in hand), every hold,
 * back-off and meal, and these tests judge that record, not the clock: the clock only bounds how long a
 * fork may stay in a hand, with a wide margin. Every test also checks that each philosopher ends up eating
 * his meals with both forks and that {@code dine} returns, so the lecture's blocking code earns nothing.
 */
class PhilosopherGradedTest {

    /** How long a philosopher waits for his second fork ({@code seat.patience()}). */
    private static final Duration PATIENCE = Duration.ofMillis(50);
    /** Slack over the patience before a fork counts as held too long: a busy machine is slow, not wrong. */
    private static final Duration MARGIN = TimeScale.millis(1_000);
    /** The longest a scene may take; correct code needs well under a second. */
    private static final Duration SCENE = TimeScale.millis(5_000);
    /** How long the forced interleaving waits for everyone to hold a first fork. */
    private static final Duration GATHERING = TimeScale.millis(3_000);
    /** How many back-offs each, all equal try by try, before a pause counts as the same for everyone. */
    private static final int ENOUGH_BACK_OFFS = 15;
    /** More requests than this at one table is a busy loop: the scene stops, so the record stays small. */
    private static final int SPINNING = 20_000;

    @Test
    @DisplayName("a neighbour who never puts his fork down never makes you hold your other fork past your patience,"
            + " nor while you back off")
    @Tag("task:1")
    @Points(3)
    void aTakenForkNeverKeepsYourOtherForkInYourHand() {
        Table table = new Table(2, PATIENCE);
        try (Dinner dinner = new Dinner(table)) {
            Dinner.Neighbour kant = dinner.neighbour("Kant", table.fork(1));
            Dinner.Guest plato = dinner.seat("Plato", table.seat(0, 1), 1);

            Dinner.watch(SCENE, () -> plato.done() || plato.failedTries() >= 3 || troubled(table, List.of(plato))
                    || stuckEmptyHanded(plato));

            assertNoFailure(table, plato);
            assertNotSpinning(table);
            assertPickedUpHisLeftFork(table, plato, kant);
            assertPutDownAfterEveryFailedTry(table, List.of(plato));
            assertNeverHeldPastPatience(table, List.of(plato));
            assertEmptyHandedBackOffs(table, List.of(plato));
            kant.putDown();
            assertEveryoneAte(table, List.of(plato), 1);
        }
    }

    @Test
    @DisplayName("two philosophers who pick up their forks in opposite order at the same moment both eat: no deadlock")
    @Tag("task:1")
    @Points(2)
    void oppositeOrderAtTheSameMomentDoesNotDeadlock() {
        Table table = new Table(2, PATIENCE).gatherAfterFirstFork(2, GATHERING);
        try (Dinner dinner = new Dinner(table)) {
            // Plato's left fork is Kant's right one and the other way round: the lecture's lock_a/lock_b.
            List<Dinner.Guest> guests = List.of(
                    dinner.seat("Plato", table.seat(0, 1), 1),
                    dinner.seat("Kant", table.seat(1, 0), 1));

            Dinner.watch(SCENE, () -> allDone(guests) || troubled(table, guests));

            guests.forEach(g -> assertNoFailure(table, g));
            assertNoDeadlock(table);
            assertNotSpinning(table);
            assertGathered(table, guests);
            assertPutDownAfterEveryFailedTry(table, guests);
            assertNeverHeldPastPatience(table, guests);
            assertEveryoneAte(table, guests, 1);
        }
    }

    @Test
    @DisplayName("five philosophers who all pick up their left fork at once each eat three times within a few seconds:"
            + " no deadlock, no livelock")
    @Tag("task:2")
    @Points(2)
    void everyoneAtARoundTableEatsWithinABound() {
        List<String> names = List.of("Plato", "Kant", "Hume", "Locke", "Descartes");
        Table table = new Table(names.size(), PATIENCE).mealsTake(Duration.ofMillis(2))
                .gatherAfterFirstFork(names.size(), GATHERING);
        try (Dinner dinner = new Dinner(table)) {
            List<Dinner.Guest> guests = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                guests.add(dinner.seat(names.get(i), table.seat(i, (i + 1) % names.size()), 3));
            }

            long start = System.nanoTime();
            Dinner.watch(SCENE, () -> allDone(guests) || troubled(table, guests));
            double seconds = (System.nanoTime() - start) / 1e9;

            guests.forEach(g -> assertNoFailure(table, g));
            assertNoDeadlock(table);
            assertNotSpinning(table);
            assertGathered(table, guests);
            assertPutDownAfterEveryFailedTry(table, guests);
            assertNeverHeldPastPatience(table, guests);
            assertThat(allDone(guests)).withFailMessage(Feedback
                            .observed("after %.1f s the philosophers had not eaten their 3 meals each: %s",
                                    "depois de %.1f s os filósofos não tinham comido suas 3 refeições cada um: %s",
                                    seconds, meals(guests))
                            .expected("everyone eats 3 times within %d s (correct code needs well under one)",
                                    "todos comem 3 vezes em até %d s (código correto precisa de bem menos de um)",
                                    SCENE.toSeconds())
                            .hint("philosophers who give up together and come back together collide again, and"
                                            + " again: make each one come back after his own pause",
                                    "filósofos que desistem juntos e voltam juntos colidem de novo, e de novo: faça"
                                            + " cada um voltar depois de uma pausa só sua")
                            .picture(() -> Timeline.of(table.journal())))
                    .isTrue();
            assertEveryoneAte(table, guests, 3);
        }
    }

    @Test
    @DisplayName("after a failed try you back off through the seat, for a pause of your own: not the same for everyone")
    @Tag("task:2")
    @Points(3)
    void youBackOffForATimeThatVaries() {
        Table table = new Table(6, PATIENCE);
        try (Dinner dinner = new Dinner(table)) {
            // Three philosophers on their own pairs of forks, each with a neighbour who keeps the right one.
            List<Dinner.Neighbour> neighbours = List.of(
                    dinner.neighbour("Kant", table.fork(1)),
                    dinner.neighbour("Hegel", table.fork(3)),
                    dinner.neighbour("Marx", table.fork(5)));
            List<Dinner.Guest> guests = List.of(
                    dinner.seat("Plato", table.seat(0, 1), 1),
                    dinner.seat("Hume", table.seat(2, 3), 1),
                    dinner.seat("Locke", table.seat(4, 5), 1));

            // Until everyone gave up 4 times, or a dine returned, or trouble that the checks in the loop name.
            // Trouble that is gone when they look (a stall of the machine) is no verdict: watch on, within SCENE.
            long start = System.nanoTime();
            long deadline = start + SCENE.toNanos();
            while (true) {
                Dinner.watch(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())),
                        () -> gaveUpRepeatedly(guests, 4)
                                || guests.stream().anyMatch(g -> g.done() || stuckEmptyHanded(g))
                                || troubled(table, guests));
                guests.forEach(g -> assertNoFailure(table, g));
                assertNoDeadlock(table);
                assertNotSpinning(table);
                assertNeverHeldPastPatience(table, guests);
                guests.forEach(g -> assertNotStuckEmptyHanded(table, g));
                if (gaveUpRepeatedly(guests, 4) || guests.stream().anyMatch(Dinner.Guest::done)
                        || System.nanoTime() >= deadline) {
                    break;
                }
            }
            Duration watched = Duration.ofNanos(System.nanoTime() - start);
            for (int i = 0; i < guests.size(); i++) {
                assertKeptTrying(table, guests.get(i), neighbours.get(i));
            }
            for (int i = 0; i < guests.size(); i++) {
                assertGaveUpRepeatedly(table, guests.get(i), neighbours.get(i), watched);
            }
            guests.forEach(g -> assertBackedOffAfterEveryFailedTry(table, g));
            assertBackOffsDiffer(table, guests);
            neighbours.forEach(Dinner.Neighbour::putDown);
            assertEveryoneAte(table, guests, 1);
        }
    }

    @Test
    @DisplayName("both forks are back on the table even when eating throws, and the exception reaches the caller")
    @Tag("task:3")
    @Points(2)
    void forksGoBackWhenTheMealSpills() {
        Spilled spilled = new Spilled("the soup spilled");
        Table table = new Table(2, PATIENCE).failingWith(spilled);
        try (Dinner dinner = new Dinner(table)) {
            Dinner.Guest plato = dinner.seat("Plato", table.seat(0, 1), 1);

            Dinner.watch(SCENE, () -> plato.done() || troubled(table, List.of(plato)));

            assertThat(plato.done()).withFailMessage(Feedback
                            .observed("Plato's dine(seat) had not returned after %d s (nobody else was at the table)",
                                    "o dine(seat) de Plato não tinha retornado depois de %d s (não havia mais ninguém"
                                            + " à mesa)", SCENE.toSeconds())
                            .expected("with both forks free, dine eats at once; when eating throws, dine ends",
                                    "com os dois garfos livres, dine come na hora; quando comer lança exceção, dine termina")
                            .hint("a retry loop must stop once eat() has been called, whatever it did",
                                    "um laço de novas tentativas precisa parar depois que eat() foi chamado, não importa"
                                            + " o que ele fez")
                            .picture(() -> Timeline.of(table.journal())))
                    .isTrue();
            assertThat(table.meals()).withFailMessage(Feedback
                            .observed("Plato never called seat.eat()", "Plato nunca chamou seat.eat()")
                            .expected("one call of seat.eat() with both forks in hand",
                                    "uma chamada de seat.eat() com os dois garfos na mão")
                            .hint("eating is what dinner is for", "comer é para isso que serve o jantar"))
                    .isNotEmpty();
            String stillHeld = table.forks().stream().filter(Fork::isLocked).map(Fork::name)
                    .collect(Collectors.joining(", "));
            assertThat(stillHeld).withFailMessage(Feedback
                            .observed("eat() threw, Plato's dine(seat) ended, and these forks were still held by Plato:"
                                            + " %s; nobody can ever eat with them again",
                                    "eat() lançou a exceção, o dine(seat) de Plato terminou, e estes garfos ainda estavam"
                                            + " na mão de Plato: %s; ninguém nunca mais come com eles",
                                    stillHeld)
                            .expected("both forks back on the table however the meal ended",
                                    "os dois garfos de volta na mesa, não importa como a refeição terminou")
                            .hint("an exception skips every line after it, unlock() too, unless the unlock sits"
                                            + " where Java always runs it",
                                    "uma exceção pula todas as linhas depois dela, unlock() também, a não ser que o"
                                            + " unlock esteja onde o Java sempre o executa")
                            .picture(() -> Timeline.of(table.journal())))
                    .isEmpty();
            Optional<Throwable> thrown = plato.failure();
            assertThat(thrown).withFailMessage(Feedback
                            .observed("eat() threw \"%s\", but Plato's dine(seat) returned normally",
                                    "eat() lançou \"%s\", mas o dine(seat) de Plato retornou normalmente",
                                    spilled.getMessage())
                            .expected("the exception of eat() reaches the caller of dine (itself, or as the cause)",
                                    "a exceção de eat() chega a quem chamou dine (ela mesma, ou como causa)")
                            .hint("putting the forks down is cleanup, not a way to handle the failure: don't catch it",
                                    "largar os garfos é arrumação, não um jeito de tratar a falha: não a capture"))
                    .isPresent();
            assertThat(causes(thrown.get())).withFailMessage(() -> Feedback
                            .observed("eat() threw \"%s\", but Plato's dine(seat) threw another exception: %s",
                                    "eat() lançou \"%s\", mas o dine(seat) de Plato lançou outra exceção: %s",
                                    spilled.getMessage(), thrown.get())
                            .expected("the exception of eat() reaches the caller of dine (itself, or as the cause)",
                                    "a exceção de eat() chega a quem chamou dine (ela mesma, ou como causa)")
                            .hint("when you wrap an exception, give it the original as its cause",
                                    "quando embrulhar uma exceção, passe a original como causa")
                            .get())
                    .contains(spilled);
        }
    }

    // ---- checks shared by the tests; each fails with feedback ----

    private static void assertNoFailure(Table table, Dinner.Guest guest) {
        Optional<Throwable> thrown = guest.failure();
        assertThat(thrown).withFailMessage(() -> Feedback
                        .observed("%s's dine(seat) threw %s", "o dine(seat) de %s lançou %s", guest.name,
                                thrown.orElseThrow())
                        .expected("dine eats its meal and returns", "dine come sua refeição e retorna")
                        .hint("read the exception's message: eat only with both forks in hand, and put down only"
                                        + " forks you hold",
                                "leia a mensagem da exceção: coma só com os dois garfos na mão, e largue só garfos"
                                        + " que você segura")
                        .picture(Timeline.of(table.journal()))
                        .get())
                .isEmpty();
    }

    private static void assertPickedUpHisLeftFork(Table table, Dinner.Guest guest, Dinner.Neighbour neighbour) {
        int left = table.forks().indexOf(guest.seat.left());
        int taken = table.forks().indexOf(neighbour.fork);
        assertThat(guest.holds()).withFailMessage(Feedback
                        .observed("%s never picked up fork %d, his left one, while %s held fork %d",
                                "%s nunca pegou o garfo %d, o da esquerda, enquanto %s segurava o garfo %d",
                                guest.name, left, neighbour.name, taken)
                        .expected("pick up the left fork first, then ask for the right one",
                                "pegue primeiro o garfo da esquerda, depois peça o da direita")
                        .hint("this exercise keeps the lecture's order (lock_a, then lock_b) and fixes the second"
                                        + " wait; one global order is the other fix, exercise 06",
                                "este exercício mantém a ordem da aula (lock_a, depois lock_b) e conserta a segunda"
                                        + " espera; uma ordem global é a outra solução, exercício 06")
                        .picture(() -> Timeline.of(table.journal())))
                .isNotEmpty();
    }

    private static void assertPutDownAfterEveryFailedTry(Table table, List<Dinner.Guest> guests) {
        for (Dinner.Guest guest : guests) {
            for (Table.Hold hold : guest.holds()) {
                List<Table.Wait> failed = hold.waitsDuring().stream().filter(Dinner::failedTry).toList();
                int kept = table.forks().indexOf(hold.fork());
                int wanted = failed.isEmpty() ? -1 : table.forks().indexOf(failed.getFirst().fork());
                assertThat(failed.size()).withFailMessage(Feedback
                                .observed("%s kept fork %d in his hand through %d failed tries for fork %d: he never"
                                                + " put it down in between",
                                        "%s manteve o garfo %d na mão durante %d tentativas fracassadas de pegar o garfo"
                                                + " %d: nunca o largou entre uma e outra",
                                        guest.name, kept, failed.size(), wanted)
                                .expected("when the second fork does not come in time, the first one goes back on the"
                                                + " table before you try again: holding it while you wait is how the"
                                                + " lecture's threads deadlock",
                                        "quando o segundo garfo não vem a tempo, o primeiro volta para a mesa antes de"
                                                + " tentar de novo: segurá-lo enquanto espera é como as threads da aula"
                                                + " entram em deadlock")
                                .hint("tryLock tells you whether you got the fork; when it did not, what you hold is"
                                                + " in your neighbour's way",
                                        "tryLock diz se você conseguiu o garfo; quando não conseguiu, o que você segura"
                                                + " está atrapalhando o vizinho")
                                .picture(() -> Timeline.of(table.journal())))
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    private static void assertNeverHeldPastPatience(Table table, List<Dinner.Guest> guests) {
        Optional<Table.Hold> longest = guests.stream().flatMap(g -> g.holds().stream())
                .filter(h -> !h.waitsDuring().isEmpty())
                .max(Comparator.comparing(Table.Hold::duration));
        if (longest.isEmpty() || longest.get().duration().compareTo(PATIENCE.plus(MARGIN)) <= 0) {
            return;
        }
        Table.Hold hold = longest.get();
        Table.Wait wait = hold.waitsDuring().getLast();
        String who = hold.holder().label();
        int kept = table.forks().indexOf(hold.fork());
        int wanted = table.forks().indexOf(wait.fork());
        String how = wait.patience().map(p -> "tryLock(" + p.toMillis() + " ms)").orElse("lock()");
        throw Feedback
                .observed("%s held fork %d for %d ms while he waited for fork %d with %s (his patience is %d ms)",
                        "%s segurou o garfo %d por %d ms enquanto esperava o garfo %d com %s (a paciência dele é"
                                + " de %d ms)",
                        who, kept, hold.duration().toMillis(), wanted, how, PATIENCE.toMillis())
                .expected("never hold a fork longer than your patience (plus %d ms of slack for a busy machine)"
                                + " while you wait for another: a neighbour may never put his fork down",
                        "nunca segure um garfo por mais que sua paciência (mais %d ms de folga para uma máquina"
                                + " ocupada) enquanto espera outro: um vizinho pode nunca largar o garfo dele",
                        MARGIN.toMillis())
                .hint("lock() waits as long as it takes, even forever; ask for the second fork in a way that"
                                + " gives up after seat.patience()",
                        "lock() espera o quanto for preciso, até para sempre; peça o segundo garfo de um jeito que"
                                + " desista depois de seat.patience()")
                .picture(() -> Timeline.of(table.journal()))
                .error();
    }

    /** A back-off with a fork in hand makes the neighbour who wants that fork wait through the whole pause. */
    private static void assertEmptyHandedBackOffs(Table table, List<Dinner.Guest> guests) {
        for (Dinner.Guest guest : guests) {
            List<Table.BackOff> backOffs = guest.backOffs();
            List<Table.BackOff> holding = backOffs.stream().filter(b -> !b.holding().isEmpty()).toList();
            assertThat(holding).withFailMessage(() -> {
                Table.BackOff first = holding.getFirst();
                // The forks' own names: "fork 0" in English, "garfo 0" in Portuguese.
                String forks = first.holding().stream().map(h -> h.fork().name())
                        .collect(Collectors.joining(", "));
                return Feedback
                        .observed("%s backed off for %s with %s still in his hand (%d of his %d back-offs): a"
                                        + " neighbour who wants it waits through the whole pause",
                                "%s recuou por %s com o %s ainda na mão (%d dos seus %d recuos): um vizinho que o"
                                        + " quer espera durante a pausa inteira",
                                guest.name, ms(first.pause()), forks, holding.size(), backOffs.size())
                        .expected("when the second fork does not come, put the first one down before anything"
                                        + " else; back off with empty hands, however short the pause",
                                "quando o segundo garfo não vem, largue o primeiro antes de qualquer outra coisa;"
                                        + " recue de mãos vazias, por mais curta que seja a pausa")
                        .hint("the back-off is for your neighbours: they can use your fork only once it is on"
                                        + " the table. Where does your unlock() run, before or after the pause?",
                                "o recuo é para os vizinhos: eles só podem usar o seu garfo depois que ele está na"
                                        + " mesa. Onde o seu unlock() roda, antes ou depois da pausa?")
                        .picture(() -> Timeline.of(table.journal()))
                        .get();
            }).isEmpty();
        }
    }

    private static void assertNoDeadlock(Table table) {
        Optional<String> deadlock = table.deadlock(MARGIN);
        assertThat(deadlock).withFailMessage(() -> Feedback
                        .observed("a deadlock: %s", "um deadlock: %s", deadlock.orElseThrow())
                        .expected("everyone eats: when the second fork does not come within your patience, give up"
                                        + " and put the first one down, so that your neighbour can take it",
                                "todos comem: quando o segundo garfo não vem dentro da sua paciência, desista e"
                                        + " largue o primeiro, para que o vizinho possa pegá-lo")
                        .hint("once each holds his first fork, lock() on the second one waits for ever: that is"
                                        + " the lecture's lock_a/lock_b",
                                "quando cada um segura seu primeiro garfo, lock() no segundo espera para sempre: é o"
                                        + " lock_a/lock_b da aula")
                        .picture(Timeline.of(table.journal()))
                        .get())
                .isEmpty();
    }

    private static void assertNotSpinning(Table table) {
        int requests = table.waits().size();
        assertThat(requests).withFailMessage(Feedback
                        .observed("the philosophers asked for forks %d times, and the test stopped watching",
                                "os filósofos pediram garfos %d vezes, e o teste parou de olhar", requests)
                        .expected("a few requests per meal: a philosopher who did not get his fork pauses before"
                                        + " he asks again", "poucos pedidos por refeição: um filósofo que não"
                                        + " conseguiu o garfo pausa antes de pedir de novo")
                        .hint("a loop that asks again at once keeps a core busy and never lets the others catch up;"
                                        + " back off through seat.backOff(...)",
                                "um laço que pede de novo na hora ocupa um núcleo e nunca deixa os outros avançarem;"
                                        + " recue com seat.backOff(...)"))
                .isLessThanOrEqualTo(SPINNING);
    }

    private static void assertGathered(Table table, List<Dinner.Guest> guests) {
        assertThat(table.gathered()).withFailMessage(Feedback
                        .observed("%s never all held their first fork at the same moment",
                                "%s nunca seguraram todos o primeiro garfo no mesmo momento", names(guests))
                        .expected("each philosopher picks up his left fork first, right away",
                                "cada filósofo pega o garfo da esquerda primeiro, logo de cara")
                        .hint("this exercise keeps the lecture's order (lock_a, then lock_b) and fixes the second"
                                        + " wait; one global order is the other fix, exercise 06",
                                "este exercício mantém a ordem da aula (lock_a, depois lock_b) e conserta a segunda"
                                        + " espera; uma ordem global é a outra solução, exercício 06")
                        .picture(() -> Timeline.of(table.journal())))
                .isTrue();
    }

    private static void assertGaveUpRepeatedly(Table table, Dinner.Guest guest, Dinner.Neighbour neighbour,
            Duration watched) {
        int taken = table.forks().indexOf(neighbour.fork);
        assertThat(guest.failedTries()).withFailMessage(Feedback
                        .observed("in the %d ms that %s kept fork %d, %s gave up on it only %d time(s), then tried no"
                                        + " more",
                                "nos %d ms em que %s segurou o garfo %d, %s desistiu dele só %d vez(es), e não tentou"
                                        + " mais",
                                watched.toMillis(), neighbour.name, taken, guest.name, guest.failedTries())
                        .expected("a philosopher whose second fork stays taken gives up after his patience, puts his"
                                        + " first fork down, backs off, and tries again, over and over",
                                "um filósofo cujo segundo garfo continua ocupado desiste depois da paciência, larga"
                                        + " o primeiro garfo, recua e tenta de novo, várias vezes")
                        .hint("first make the first graded test pass: wait for the second fork at most"
                                        + " seat.patience()",
                                "primeiro faça passar o primeiro teste avaliado: espere o segundo garfo no máximo"
                                        + " seat.patience()")
                        .picture(() -> Timeline.of(table.journal())))
                .isGreaterThanOrEqualTo(2);
    }

    private static void assertNotStuckEmptyHanded(Table table, Dinner.Guest guest) {
        Optional<Table.Wait> stuck = guest.waits().stream()
                .filter(PhilosopherGradedTest::stuckEmptyHanded).findFirst();
        assertThat(stuck).withFailMessage(() -> {
            Table.Wait wait = stuck.orElseThrow();
            int wanted = table.forks().indexOf(wait.fork());
            String how = wait.patience().map(p -> "tryLock(" + p.toMillis() + " ms)").orElse("lock()");
            return Feedback
                    .observed("%s waited %d ms for fork %d with %s and nothing in hand, and it did not come",
                            "%s esperou %d ms pelo garfo %d com %s e nada na mão, e ele não veio",
                            guest.name, wait.duration().toMillis(), wanted, how)
                    .expected("pick up your left fork (only you use it here) first, then ask for the right one,"
                                    + " waiting for it at most seat.patience()",
                            "pegue primeiro o seu garfo da esquerda (só você o usa aqui), depois peça o da direita,"
                                    + " esperando por ele no máximo seat.patience()")
                    .hint("a neighbour may keep his fork for ever: the fork you wait for without a time limit is"
                                    + " the left one, never the right one",
                            "um vizinho pode ficar com o garfo dele para sempre: o garfo que você espera sem tempo"
                                    + " limite é o da esquerda, nunca o da direita")
                    .picture(() -> Timeline.of(table.journal()))
                    .get();
        }).isEmpty();
    }

    private static void assertKeptTrying(Table table, Dinner.Guest guest, Dinner.Neighbour neighbour) {
        int taken = table.forks().indexOf(neighbour.fork);
        assertThat(guest.done()).withFailMessage(Feedback
                        .observed("%s's dine(seat) returned after %d failed try(ies) while %s still kept fork %d:"
                                        + " he never ate",
                                "o dine(seat) de %s retornou depois de %d tentativa(s) fracassada(s) enquanto %s"
                                        + " ainda segurava o garfo %d: ele nunca comeu",
                                guest.name, guest.failedTries(), neighbour.name, taken)
                        .expected("a philosopher whose second fork stays taken keeps trying: dine returns once he"
                                        + " has eaten, not before",
                                "um filósofo cujo segundo garfo continua ocupado continua tentando: dine retorna"
                                        + " depois que ele comeu, não antes")
                        .hint("keep trying until you have eaten, then stop", "tente até comer, e então pare")
                        .picture(() -> Timeline.of(table.journal())))
                .isFalse();
    }

    private static void assertBackedOffAfterEveryFailedTry(Table table, Dinner.Guest guest) {
        // In the order they happened: after a failed try, a back-off must come before the next request.
        List<Object> steps = Stream.concat(guest.waits().stream(), guest.backOffs().stream())
                .sorted(Comparator.comparingLong(PhilosopherGradedTest::seq)).toList();
        int unpaused = 0;
        int failedTries = 0;
        Table.Wait owed = null;
        for (Object step : steps) {
            if (step instanceof Table.Wait w) {
                if (owed != null) {
                    unpaused++;
                    owed = null;
                }
                if (Dinner.failedTry(w)) {
                    failedTries++;
                    owed = w;
                }
            } else {
                owed = null;
            }
        }
        assertThat(unpaused).withFailMessage(Feedback
                        .observed("%s tried again without backing off: after %d of his %d failed tries he asked for"
                                        + " a fork again with no seat.backOff(...) in between",
                                "%s tentou de novo sem recuar: depois de %d das suas %d tentativas fracassadas ele"
                                        + " pediu um garfo de novo sem nenhum seat.backOff(...) no meio",
                                guest.name, unpaused, failedTries)
                        .expected("after every failed try, a pause through seat.backOff(...) before the next one:"
                                        + " philosophers who fail together and retry at once fail together again,"
                                        + " for ever (a livelock)",
                                "depois de cada tentativa fracassada, uma pausa com seat.backOff(...) antes da próxima:"
                                        + " filósofos que falham juntos e tentam de novo na hora falham juntos de novo,"
                                        + " para sempre (um livelock)")
                        .hint("wait only through seat.backOff(...): the kitchen does not see Thread.sleep or a busy"
                                        + " loop, and counts them as no back-off at all",
                                "espere só com seat.backOff(...): a cozinha não vê Thread.sleep nem um laço ocupado,"
                                        + " e conta isso como nenhum recuo")
                        .picture(() -> Timeline.of(table.journal())))
                .isZero();
    }

    /**
     * Pauses that are the same for everyone on every try (10 ms each time, or the same 1, 2, 4 … ms for all)
     * bring neighbours who failed together back together; so the n-th back-offs of the guests are compared,
     * try by try, and it takes one try where they differ. Such a schedule never differs, so watching longer
     * never lets it through; a correct random pause drawn from only two values looks the same for three
     * guests on one try once in 4, on 15 tries once in a billion. So before judging, watch until the pauses
     * differ or each guest has backed off {@value #ENOUGH_BACK_OFFS} times.
     */
    private static void assertBackOffsDiffer(Table table, List<Dinner.Guest> guests) {
        Dinner.watch(SCENE, () -> guests.stream().anyMatch(Dinner.Guest::done) || differTryByTry(guests)
                || guests.stream().allMatch(g -> g.backOffs().size() >= ENOUGH_BACK_OFFS));
        if (differTryByTry(guests)) {
            return;
        }
        List<List<Duration>> pauses = pausesByGuest(guests);
        List<Duration> schedule = pauses.stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
        String shown = schedule.stream().limit(6).map(PhilosopherGradedTest::ms).collect(Collectors.joining(", "))
                + (schedule.size() > 6 ? ", …" : "");
        int tries = pauses.stream().mapToInt(List::size).min().orElse(0);
        throw Feedback
                .observed("%s backed off %d times or more each, and on every try their back-offs lasted the same for"
                                + " everyone: %s",
                        "%s recuaram %d vezes ou mais cada um, e em cada tentativa os recuos duraram o mesmo para"
                                + " todos: %s",
                        names(guests), tries, shown)
                .expected("a pause that differs from one philosopher to the next: each draws his own at random (it"
                                + " may also grow with each failed try), so that neighbours who failed together come"
                                + " back at different times",
                        "uma pausa que varia de um filósofo para outro: cada um sorteia a sua (ela também pode"
                                + " crescer a cada tentativa fracassada), para que vizinhos que falharam juntos"
                                + " voltem em momentos diferentes")
                .hint("a schedule that is the same for everyone, even one that grows, only moves the collision"
                                + " later: neighbours who fail together wake up together and collide again",
                        "um cronograma igual para todos, mesmo um que cresce, só adia a colisão: vizinhos que"
                                + " falham juntos acordam juntos e colidem de novo")
                .picture(() -> Timeline.of(table.journal()))
                .error();
    }

    private static void assertEveryoneAte(Table table, List<Dinner.Guest> guests, int meals) {
        Dinner.watch(SCENE, () -> allDone(guests));
        guests.forEach(g -> assertNoFailure(table, g));
        assertThat(guests.stream().allMatch(g -> g.done() && g.mealsEaten() == meals)).withFailMessage(Feedback
                        .observed("at the end of dinner, not everyone had eaten %d time(s): %s",
                                "no fim do jantar, nem todos tinham comido %d vez(es): %s", meals, meals(guests))
                        .expected("each call of dine(seat) eats exactly once, with both forks in hand, and returns",
                                "cada chamada de dine(seat) come exatamente uma vez, com os dois garfos na mão, e"
                                        + " retorna")
                        .hint("keep trying until you have eaten, then stop", "tente até comer, e então pare")
                        .picture(() -> Timeline.of(table.journal())))
                .isTrue();
    }

    // ---- reading the table ----

    /** Trouble that will not go away by waiting longer: a deadlock, a fork held too long, a busy loop. */
    private static boolean troubled(Table table, List<Dinner.Guest> guests) {
        return table.deadlock(MARGIN).isPresent()
                || table.waits().size() > SPINNING
                || guests.stream().flatMap(g -> g.holds().stream())
                        .anyMatch(h -> !h.waitsDuring().isEmpty()
                                && h.duration().compareTo(PATIENCE.plus(MARGIN)) > 0);
    }

    /**
     * Waiting with nothing in hand for a fork that a neighbour keeps, longer than he was ready to: the scene
     * cannot go on (a fork held while waiting is {@link #troubled}'s business).
     */
    private static boolean stuckEmptyHanded(Dinner.Guest guest) {
        return guest.waits().stream().anyMatch(PhilosopherGradedTest::stuckEmptyHanded);
    }

    private static boolean stuckEmptyHanded(Table.Wait w) {
        return w.holding().isEmpty() && w.outcome() == Table.Outcome.WAITING
                && w.duration().compareTo(w.patience().orElse(Duration.ZERO).plus(MARGIN)) > 0;
    }

    /** The pauses each guest asked for, in order: one list per guest. */
    private static List<List<Duration>> pausesByGuest(List<Dinner.Guest> guests) {
        return guests.stream().map(g -> g.backOffs().stream().map(Table.BackOff::pause).toList()).toList();
    }

    /** True if on some try, the n-th back-offs of two guests asked for different pauses. */
    private static boolean differTryByTry(List<Dinner.Guest> guests) {
        List<List<Duration>> pauses = pausesByGuest(guests);
        int longest = pauses.stream().mapToInt(List::size).max().orElse(0);
        for (int n = 0; n < longest; n++) {
            int at = n;
            if (pauses.stream().filter(p -> p.size() > at).map(p -> p.get(at)).distinct().count() > 1) {
                return true;
            }
        }
        return false;
    }

    /** "12 ms", or "0.35 ms" below a millisecond. */
    private static String ms(Duration d) {
        return d.compareTo(Duration.ofMillis(1)) >= 0 ? d.toMillis() + " ms"
                : String.format(Lang.current().locale(), "%.2f ms", d.toNanos() / 1e6);
    }

    private static boolean gaveUpRepeatedly(List<Dinner.Guest> guests, int times) {
        return guests.stream().allMatch(g -> g.failedTries() >= times);
    }

    private static boolean allDone(List<Dinner.Guest> guests) {
        return guests.stream().allMatch(Dinner.Guest::done);
    }

    private static long seq(Object step) {
        return step instanceof Table.Wait w ? w.seq() : ((Table.BackOff) step).seq();
    }

    private static List<Throwable> causes(Throwable t) {
        return Stream.iterate(t, c -> c != null, Throwable::getCause).limit(10).toList();
    }

    private static String names(List<Dinner.Guest> guests) {
        return guests.stream().map(g -> g.name).collect(Collectors.joining(", "));
    }

    private static String meals(List<Dinner.Guest> guests) {
        return guests.stream().map(g -> g.name + " " + g.mealsEaten()).collect(Collectors.joining(", "));
    }
}
