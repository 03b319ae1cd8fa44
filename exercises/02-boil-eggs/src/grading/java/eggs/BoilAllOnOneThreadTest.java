package eggs;

import static eggs.EggInspector.eggs;
import static eggs.EggInspector.servedEveryEgg;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.grading.Points;
import kitchen.grading.TimeScale;
import kitchen.stove.CrackedEggException;
import kitchen.stove.Egg;
import kitchen.stove.Stove;
import kitchen.trace.Journal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** Task 2: every egg on one thread, the asyncio way. */
@Tag("task:2")
@Timeout(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoilAllOnOneThreadTest {

    private static final String ONE_THREAD = "boilAllOnOneThread";
    private static final String PUT_ALL_ON_EN =
            "putOn does not wait: put every egg on before you wait for any of them to be ready";
    private static final String PUT_ALL_ON_PT =
            "putOn não espera: ponha todos os ovos no fogão antes de esperar qualquer um ficar pronto";

    private final Chef chef = new Chef();

    private EggInspector.Served boilAllOnOneThread(Stove stove, List<Egg> eggs) throws InterruptedException {
        return EggInspector.serve(stove, () -> chef.boilAllOnOneThread(stove, eggs));
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("boilAllOnOneThread puts on and takes off every egg on the caller's thread, with all eggs on the stove together")
    void oneThreadPutsOnAndTakesOffEveryEggWhileTheyOverlap() throws InterruptedException {
        Thread caller = Thread.currentThread();
        List<Egg> eggs = eggs(300, 500, 200, 400);
        Stove stove = EggInspector.stoveFor(eggs);
        EggInspector.Served served = boilAllOnOneThread(stove, eggs);
        servedEveryEgg(ONE_THREAD, served, eggs, stove);

        for (Journal.Event event : stove.journal().events()) {
            if (event.worker().id() == caller.threadId()) {
                continue;
            }
            boolean putOn = EggInspector.isPutOn(event);
            throw Feedback.observed("egg %d was %s on thread %s, not on the thread that called boilAllOnOneThread (%s)",
                            "o ovo %d foi %s na thread %s, e não na thread que chamou boilAllOnOneThread (%s)",
                            EggInspector.eggOf(event), putOn ? Lang.current().pick("put on the stove", "posto no fogão")
                                    : Lang.current().pick("taken off", "tirado do fogão"),
                            event.worker().label(), caller.getName())
                    .expected("every putOn and takeOff on the caller's thread: one thread is enough to keep every egg boiling",
                            "todo putOn e takeOff na thread de quem chamou: uma thread basta para manter todos os ovos cozinhando")
                    .hint(putOn
                                    ? "putOn returns at once, so no other thread is needed to wait for an egg"
                                    : "ready() completes on the kitchen timer's thread, and so do the callbacks registered"
                                            + " on it: let a callback only tell your thread which pot is ready, and take it"
                                            + " off there",
                            putOn
                                    ? "putOn retorna na hora, então nenhuma outra thread é necessária para esperar um ovo"
                                    : "ready() completa na thread do timer da cozinha, e os callbacks registrados nele"
                                            + " também rodam lá: deixe o callback só avisar sua thread qual panela está"
                                            + " pronta, e tire o ovo lá")
                    .picture(() -> EggInspector.printed(stove))
                    .error();
        }
        assertThat(stove.allOnTogether())
                .withFailMessage(EggInspector.notAllOnTogether(stove, eggs.size(), PUT_ALL_ON_EN, PUT_ALL_ON_PT))
                .isTrue();
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("boilAllOnOneThread takes each egg off as soon as it is ready, in the order the eggs are ready, and fails at once on a cracked one")
    void eggsComeOffInTheOrderTheyAreReady() throws InterruptedException {
        // The longest egg goes on last: even if its callback is registered late, no egg is ready after it. The
        // eggs are ready 250 ms or more apart, and the first 750 ms before the last: a chef who waits for the
        // longest egg before taking any off leaves egg 2 in its pot for 750 ms or more, far past the margin.
        List<Egg> eggs = eggs(600, 100, 350, 850);
        Stove stove = EggInspector.stoveFor(eggs);
        EggInspector.Served served = boilAllOnOneThread(stove, eggs);
        servedEveryEgg(ONE_THREAD, served, eggs, stove);

        assertThat(stove.allOnTogether())
                .withFailMessage(EggInspector.notAllOnTogether(stove, eggs.size(), PUT_ALL_ON_EN, PUT_ALL_ON_PT))
                .isTrue();
        assertThat(stove.doneOrder())
                .withFailMessage(Feedback.observed("the eggs were taken off in the order %s but were ready in the order %s",
                                "os ovos foram tirados na ordem %s mas ficaram prontos na ordem %s",
                                stove.doneOrder(), stove.readyOrder())
                        .expected("each egg taken off as soon as it is ready: %s",
                                "cada ovo tirado assim que fica pronto: %s", stove.readyOrder())
                        .hint("an egg left on the stove overcooks while you wait for another one: react to whichever"
                                        + " pot is ready first, not to the next pot in your list",
                                "um ovo esquecido no fogão passa do ponto enquanto você espera outro: reaja à panela que"
                                        + " ficar pronta primeiro, não à próxima da sua lista")
                        .picture(stove::timeline))
                .isEqualTo(stove.readyOrder());

        // As soon as it is ready: each egg comes off within a margin of the instant the timer found it ready.
        Duration prompt = promptMargin(eggs);
        stove.leftInPot().forEach((egg, left) -> assertThat(left)
                .withFailMessage(Feedback.observed("egg %d stayed in its pot %d ms after it was ready (how long each"
                                        + " egg stayed in its pot after it was ready: %s)",
                                "o ovo %d ficou na panela %d ms depois de pronto (quanto cada ovo ficou na panela"
                                        + " depois de pronto: %s)", egg, left.toMillis(), leftInPot(stove))
                        .expected("each egg taken off as soon as it is ready: within %d ms of its ready() completing",
                                "cada ovo tirado assim que fica pronto: até %d ms depois de o seu ready() completar",
                                prompt.toMillis())
                        .hint("an egg left in the pot while you wait for another one overcooks: do not sleep or wait"
                                        + " until the longest egg is done and then take them all off; wait for"
                                        + " whichever pot is ready first (its ready() completes), take it off at once,"
                                        + " then wait for the next",
                                "um ovo esquecido na panela passa do ponto enquanto você espera outro: não durma nem"
                                        + " espere até o ovo mais demorado ficar pronto para então tirar todos; espere"
                                        + " a panela que ficar pronta primeiro (o seu ready() completa), tire-a na"
                                        + " hora, e então espere a próxima")
                        .picture(stove::timeline))
                .isLessThanOrEqualTo(prompt));

        // A cracked egg is ready too: taking it off throws, and that fails the call now, not after the slow eggs.
        Duration slow = Duration.ofMillis(2_000);
        Egg cracking = Egg.crackingAfter(3, Duration.ofMillis(100));
        List<Egg> cracked = List.of(new Egg(1, slow), new Egg(2, slow), cracking, new Egg(4, slow));
        Stove crackStove = EggInspector.stoveFor(cracked);
        Exception failure = null;
        try {
            chef.boilAllOnOneThread(crackStove, cracked);
        } catch (Exception e) {
            failure = e;
        }
        List<Integer> doneBeforeFailure = crackStove.doneOrder();
        Exception thrown = failure;
        boolean namesTheEgg = Stream.iterate((Throwable) thrown, t -> t != null, Throwable::getCause)
                .anyMatch(t -> t instanceof CrackedEggException c && c.egg().equals(cracking));
        assertThat(namesTheEgg)
                .withFailMessage(Feedback.observed("egg 3 cracked, and boilAllOnOneThread %s",
                                "o ovo 3 rachou, e boilAllOnOneThread %s",
                                thrown == null ? "returned normally" : "failed with " + thrown)
                        .expected("boilAllOnOneThread fails with the CrackedEggException that takeOff throws for egg 3,"
                                        + " as is or as the cause of what you throw",
                                "boilAllOnOneThread falha com a CrackedEggException que takeOff lança para o ovo 3, como"
                                        + " está ou como causa do que você lança")
                        .hint("a cracked egg is a failed call: let takeOff's exception out of the loop",
                                "um ovo rachado é uma chamada que falhou: deixe a exceção de takeOff sair do laço")
                        .picture(crackStove::timeline))
                .isTrue();
        assertThat(doneBeforeFailure)
                .withFailMessage(Feedback.observed("boilAllOnOneThread took eggs %s off before it failed, although egg 3"
                                        + " had cracked long before they were ready",
                                "boilAllOnOneThread tirou os ovos %s antes de falhar, embora o ovo 3 tenha rachado muito"
                                        + " antes de eles ficarem prontos", doneBeforeFailure)
                        .expected("boilAllOnOneThread fails as soon as it takes egg 3 off, about 100 ms after the eggs"
                                        + " went on; the 2-second eggs stay in their pots",
                                "boilAllOnOneThread falha assim que tira o ovo 3, uns 100 ms depois de os ovos irem ao"
                                        + " fogão; os ovos de 2 segundos ficam nas panelas")
                        .hint("react to each pot when it is ready, cracked ones included: do not wait for every egg"
                                        + " before you look at what failed",
                                "reaja a cada panela quando ela fica pronta, inclusive às rachadas: não espere todos os"
                                        + " ovos antes de olhar o que falhou")
                        .picture(crackStove::timeline))
                .isEmpty();
    }

    /**
     * How long after it is ready an egg may stay in its pot: 150 ms stretched by the machine's time scale (a
     * busy machine wakes the caller's thread late), but never more than a third of the time between the first
     * egg ready and the last, so that a chef who waits for the last egg before taking any off always fails.
     */
    private static Duration promptMargin(List<Egg> eggs) {
        Duration shortest = eggs.stream().map(Egg::boilTime).min(Comparator.naturalOrder()).orElseThrow();
        Duration cap = EggInspector.longest(eggs).minus(shortest).dividedBy(3);
        Duration scaled = TimeScale.millis(150);
        return scaled.compareTo(cap) < 0 ? scaled : cap;
    }

    /** "egg 2: 3 ms, egg 3: 2 ms…", in the order the eggs were taken off. */
    private static String leftInPot(Stove stove) {
        StringJoiner out = new StringJoiner(", ");
        stove.leftInPot().forEach((egg, left) -> out.add(Lang.current().pick("egg ", "ovo ") + egg + ": "
                + left.toMillis() + " ms"));
        return out.toString();
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("boilAllOnOneThread takes about as long as the longest egg, not as long as all eggs together")
    void oneThreadStillTakesAboutTheLongestEgg() throws InterruptedException {
        List<Egg> eggs = eggs(300, 500, 200, 400, 100, 450, 350, 250);
        Stove stove = EggInspector.stoveFor(eggs);
        EggInspector.Served served = boilAllOnOneThread(stove, eggs);
        servedEveryEgg(ONE_THREAD, served, eggs, stove);

        Duration limit = EggInspector.clockLimit(eggs);
        assertThat(served.took())
                .withFailMessage(EggInspector.tookTooLong(ONE_THREAD, served, eggs, limit, stove))
                .isLessThan(limit);
    }
}
