package eggs;

import static eggs.EggInspector.eggs;
import static eggs.EggInspector.servedEveryEgg;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kitchen.grading.Feedback;
import kitchen.grading.Points;
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
                            EggInspector.eggOf(event), putOn ? "put on the stove" : "taken off",
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
    @DisplayName("boilAllOnOneThread takes each egg off in the order the eggs are ready")
    void eggsComeOffInTheOrderTheyAreReady() throws InterruptedException {
        // The longest egg goes on last: even if its callback is registered late, no egg is ready after it.
        List<Egg> eggs = eggs(400, 200, 300, 500);
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
