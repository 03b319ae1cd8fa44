package breakfast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kitchen.breakfast.Burnt;
import kitchen.breakfast.Griddle;
import kitchen.breakfast.Order;
import kitchen.breakfast.Plate;
import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.grading.Points;
import kitchen.grading.TimeScale;
import kitchen.trace.Journal;
import kitchen.trace.Timeline;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Graded: a prepared breakfast is only a description of work, and {@code serve} schedules it, waits for it
 * and hands back its plate or its failure. The serve tests give serve a task of their own, so they grade
 * serve alone; every serve test first requires the cooking to run on another thread than serve's caller,
 * the lesson's "scheduled", so calling the task in place earns nothing.
 */
class LazyBreakfastTest {

    private static final Order EGGS = new Order("eggs");
    /** How long a call that has nothing to wait for may take before it counts as stuck. */
    private static final Duration PROMPTLY = TimeScale.millis(5_000);
    /** A held cook goes on by itself after this, in case a test never gets to release it. */
    private static final Duration HOLD_AT_MOST = TimeScale.millis(15_000);
    /** How long an unserved breakfast is watched for cooking that starts in the background. */
    private static final Duration NOTHING_LATER = TimeScale.millis(500);
    /** How long after serve returns the griddle is watched for a second cooking. */
    private static final Duration NO_SECOND_COOKING = TimeScale.millis(300);
    /**
     * How soon serve must be back once the plate is ready: wide, since a correct serve is back within
     * milliseconds. A serve that sleeps a fixed time instead of waiting is caught whatever it sleeps: less
     * than {@link #HELD} and it returns while the cook is still held; more, and it comes back later than
     * this after a cook who is let go at once.
     */
    private static final Duration PLATE_TO_DINER = TimeScale.millis(1_000);
    /** How long the cook is kept inside the griddle while serve must not return: well over PLATE_TO_DINER. */
    private static final Duration HELD = TimeScale.millis(2_000);

    /** The expectation both halves of the waiting test share: a serve that sleeps fails one or the other. */
    private static final String BACK_WHEN_READY_EN =
            "serve returns as soon as the plate is ready: not before it, and not long after it";
    private static final String BACK_WHEN_READY_PT =
            "serve retorna assim que o prato fica pronto: nem antes, nem muito depois";
    private static final String WAIT_FOR_THE_TASK_EN = "sleeping a fixed time is not waiting, it is guessing: too "
            + "short and the plate is not ready, too long and the diner waits for nothing. Wait for the task itself, "
            + "with something that hands its result back the moment it is done";
    private static final String WAIT_FOR_THE_TASK_PT = "dormir um tempo fixo não é esperar, é chutar: curto demais "
            + "e o prato não está pronto, longo demais e o cliente espera à toa. Espere a própria tarefa, com algo "
            + "que devolve o resultado dela no instante em que ela termina";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Journal journal = new Journal();
    private final Griddle griddle = new Griddle(journal, new PrintStream(printed, true, StandardCharsets.UTF_8));
    private final Cook cook = new Cook();
    /** The serve tests' own task: exactly one cooking each time it is called. */
    private final Callable<Plate> friedEggs = () -> griddle.fry(EGGS);

    @AfterEach
    void letHeldCooksGo() {
        griddle.release();
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("preparing a breakfast cooks nothing and prints nothing")
    void preparingCooksNothing() throws InterruptedException {
        Callable<Plate> breakfast = prepared();

        assertThat(griddle.cookings()).withFailMessage(Feedback
                .observed("the griddle fried %s while the breakfast was only being prepared (it printed: %s)",
                        "a chapa fritou os ovos enquanto o café da manhã só estava sendo preparado (ela imprimiu: %2$s)",
                        EGGS.dish(), printed())
                .expected("prepare returns a description of the work; the griddle stays cold and silent until "
                                + "someone runs the task",
                        "prepare devolve uma descrição do trabalho; a chapa fica fria e calada até alguém executar "
                                + "a tarefa")
                .hint("prepare runs as soon as it is called; only what is inside the task waits until the task is "
                                + "called. A Callable is a recipe, not a meal (boil_eggs() without asyncio.run prints "
                                + "nothing)",
                        "prepare executa assim que é chamado; só o que está dentro da tarefa espera até a tarefa ser "
                                + "chamada. Um Callable é uma receita, não um prato (boil_eggs() sem asyncio.run não "
                                + "imprime nada)")
                .picture(this::timeline))
                .isEmpty();
        assertRunningItCooksOnce(breakfast);
    }

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("a breakfast that is never served is never cooked, not even later")
    void anUnservedBreakfastIsNeverCooked() throws InterruptedException {
        Callable<Plate> breakfast = prepared();

        assertThat(holdsThroughout(NOTHING_LATER, () -> griddle.cookings().isEmpty())).withFailMessage(Feedback
                .observed("the griddle fried %s although the breakfast was never served (it printed: %s)",
                        "a chapa fritou os ovos embora o café da manhã nunca tenha sido servido (ela imprimiu: %2$s)",
                        EGGS.dish(), printed())
                .expected("a task nobody runs never cooks, like a coroutine nobody awaits: watched for %d ms after "
                                + "prepare, the griddle stays cold",
                        "uma tarefa que ninguém executa nunca cozinha, como uma corrotina que ninguém aguarda: "
                                + "observada por %d ms depois do prepare, a chapa continua fria",
                        NOTHING_LATER.toMillis())
                .hint("starting the cooking in the background while preparing (a thread, an executor, a "
                                + "CompletableFuture) is still cooking at creation: prepare only writes the recipe down",
                        "começar a cozinhar em segundo plano durante o preparo (uma thread, um executor, um "
                                + "CompletableFuture) ainda é cozinhar na criação: prepare só anota a receita")
                .picture(this::timeline))
                .isTrue();
        assertRunningItCooksOnce(breakfast);
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("serve runs the task on another thread and returns its plate")
    void serveRunsTheTaskOnAnotherThread() throws InterruptedException {
        Errand<Plate> diner = serving(friedEggs);

        assertReturned(diner);
        assertCookedOffTheCallersThread(diner);
        assertServedThePlate(diner);
    }

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("serve runs the task exactly once")
    void serveRunsTheTaskExactlyOnce() throws InterruptedException {
        Errand<Plate> diner = serving(friedEggs);

        assertReturned(diner);
        int atReturn = griddle.cookings().size();
        // A second run may still be on its way when serve returns: watch a little longer.
        boolean once = atReturn == 1 && holdsThroughout(NO_SECOND_COOKING, () -> griddle.cookings().size() == 1);
        assertThat(once).withFailMessage(Feedback
                .observed("for one serve the eggs were fried %d time(s) by the time serve returned, %d time(s) in all",
                        "para um serve os ovos foram fritos %d vez(es) até o serve retornar, %d vez(es) no total",
                        atReturn, griddle.cookings().size())
                .expected("one serve, one cooking: the task runs exactly once",
                        "um serve, uma fritura: a tarefa executa exatamente uma vez")
                .hint("every call(), submit or start of the task cooks again; hand it over once and get the plate "
                                + "back from what you handed it to",
                        "cada call(), submit ou start da tarefa cozinha de novo; entregue-a uma vez e pegue o prato "
                                + "de volta daquilo a que você a entregou")
                .picture(this::timeline))
                .isTrue();
        assertCookedOffTheCallersThread(diner);
        assertServedThePlate(diner);

        // A task that fails is run once too: serve reports the failure, it does not try again.
        griddle.failingWith(new Burnt(EGGS));
        int cookedBefore = griddle.cookings().size();
        Errand<Plate> unluckyDiner = serving(friedEggs);
        assertFinished(unluckyDiner);
        int failedAtReturn = griddle.cookings().size() - cookedBefore;
        boolean failedOnce = failedAtReturn == 1
                && holdsThroughout(NO_SECOND_COOKING, () -> griddle.cookings().size() - cookedBefore == 1);
        assertThat(failedOnce).withFailMessage(Feedback
                .observed("for one serve of a failing task the eggs were fried %d time(s) before serve ended (it "
                                + "%s), %d time(s) in all",
                        "para um serve de uma tarefa que falha os ovos foram fritos %d vez(es) antes de o serve "
                                + "terminar (ele %s), %d vez(es) no total",
                        failedAtReturn, unluckyDiner.state(), griddle.cookings().size() - cookedBefore)
                .expected("one serve, one cooking, even when it fails: a failed task is not run again",
                        "um serve, uma fritura, mesmo quando ela falha: uma tarefa que falhou não é executada de novo")
                .hint("retrying is not serve's call: a second try cooks again (and may burn again); report the "
                                + "first failure and let the diner decide",
                        "tentar de novo não cabe ao serve: uma segunda tentativa cozinha de novo (e pode queimar de "
                                + "novo); relate a primeira falha e deixe o cliente decidir")
                .picture(this::timeline))
                .isTrue();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("serve waits until the plate is ready before it returns")
    void serveWaitsForThePlate() throws InterruptedException {
        // First the test keeps the cook inside the griddle for as long as it likes: serve must not return.
        griddle.hold(HOLD_AT_MOST);
        Errand<Plate> diner = serving(friedEggs);
        assertCookingStarts(diner, 0);
        assertCookedOffTheCallersThread(diner);
        boolean stillWaiting = holdsThroughout(HELD, () -> !diner.finished());
        assertThat(stillWaiting).withFailMessage(Feedback
                .observed("serve returned before the plate was ready: it %s while the eggs were still on the griddle "
                                + "(the test keeps the cook there for %d ms)",
                        "serve retornou antes de o prato ficar pronto: ele %s enquanto os ovos ainda estavam na chapa "
                                + "(o teste segura o cozinheiro ali por %d ms)",
                        diner.state(), HELD.toMillis())
                .expected(BACK_WHEN_READY_EN, BACK_WHEN_READY_PT)
                .hint("starting the task is half of serving: the diner must also wait until it is done. "
                                + WAIT_FOR_THE_TASK_EN,
                        "começar a tarefa é metade do serviço: o cliente também precisa esperar ela terminar. "
                                + WAIT_FOR_THE_TASK_PT)
                .picture(this::timeline))
                .isTrue();
        griddle.release();
        assertBackSoonAfterThePlate(diner);

        // Then the cook is let go at once: serve must come back soon after, not after a time of its own.
        griddle.hold(HOLD_AT_MOST);
        int cookedSoFar = griddle.cookings().size();
        Errand<Plate> secondDiner = serving(friedEggs);
        assertCookingStarts(secondDiner, cookedSoFar);
        griddle.release();
        assertBackSoonAfterThePlate(secondDiner);
    }

    /** The cook was let go just now: serve is back within PLATE_TO_DINER, with the plate. */
    private void assertBackSoonAfterThePlate(Errand<Plate> diner) throws InterruptedException {
        assertThat(diner.finishedWithin(PLATE_TO_DINER)).withFailMessage(Feedback
                .observed("the plate was ready, but serve was still not back %d ms later",
                        "o prato ficou pronto, mas serve ainda não tinha voltado %d ms depois",
                        PLATE_TO_DINER.toMillis())
                .expected(BACK_WHEN_READY_EN, BACK_WHEN_READY_PT)
                .hint(WAIT_FOR_THE_TASK_EN, WAIT_FOR_THE_TASK_PT)
                .picture(this::timeline))
                .isTrue();
        assertReturned(diner);
        assertServedThePlate(diner);
    }

    /** serve was just called, after {@code cookedBefore} cookings: its task must start cooking soon. */
    private void assertCookingStarts(Errand<Plate> diner, int cookedBefore) {
        assertThat(eventually(PROMPTLY, () -> griddle.cookings().size() > cookedBefore)).withFailMessage(Feedback
                .observed("within %d s of serve being called, the task never started cooking (serve %s)",
                        "em %d s desde a chamada de serve, a tarefa nunca começou a cozinhar (serve %s)",
                        PROMPTLY.toSeconds(), diner.state())
                .expected("serve starts the task on another thread", "serve inicia a tarefa em outra thread")
                .hint("serve must actually run the task it was given", "serve precisa de fato executar a tarefa recebida")
                .picture(this::timeline))
                .isTrue();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("when the cooking fails, serve fails too, with the cooking's failure as the cause")
    void serveSurfacesTheFailure() throws InterruptedException {
        // A runtime failure: the griddle burns the eggs.
        Burnt burnt = new Burnt(EGGS);
        griddle.failingWith(burnt);
        assertServeFailsWith(friedEggs, burnt,
                new Swallowed("the eggs got burnt", "os ovos tenham queimado",
                        "the diner must learn that breakfast went wrong: an exception caught inside serve has to "
                                + "leave serve again",
                        "o cliente precisa saber que o café deu errado: uma exceção capturada dentro de serve "
                                + "precisa sair de serve de novo"));

        // A checked failure: the task itself throws one (the griddle's own failures are all runtime ones).
        BreakfastRuined ruined = new BreakfastRuined(burnt);
        Callable<Plate> ruinedEggs = () -> {
            try {
                return griddle.fry(EGGS);
            } catch (Burnt b) {
                throw ruined;
            }
        };
        assertServeFailsWith(ruinedEggs, ruined,
                new Swallowed("the task threw a checked exception (" + ruined.describe() + ")",
                        "a tarefa tenha lançado uma exceção verificada (" + ruined.describe() + ")",
                        "a checked exception is a failure too: whatever the task throws, RuntimeException or not, "
                                + "has to leave serve (that is why serve is declared to throw Exception)",
                        "uma exceção verificada também é uma falha: o que quer que a tarefa lance, RuntimeException "
                                + "ou não, precisa sair de serve (é por isso que serve declara `throws Exception`)"));
    }

    /** A checked exception a task may throw: serve must surface it like any other failure. */
    private static final class BreakfastRuined extends Exception {
        BreakfastRuined(Throwable cause) {
            super("breakfast ruined", cause);
        }

        String describe() {
            return getClass().getSimpleName() + ": " + getMessage();
        }
    }

    /** What went wrong in one failure case, and the hint for a serve that returned anyway. */
    private record Swallowed(String whatEn, String whatPt, String hintEn, String hintPt) {
    }

    /** serve is given a task that fails with {@code failure}: it must throw it, itself or as a cause. */
    private void assertServeFailsWith(Callable<Plate> task, Exception failure, Swallowed swallowed)
            throws InterruptedException {
        Errand<Plate> diner = serving(task);

        assertFinished(diner);
        assertCookedOffTheCallersThread(diner);
        assertThat(diner.failure()).withFailMessage(Feedback
                .observed("serve returned %s although " + escaped(swallowed.whatEn()) + ": the failure was swallowed",
                        "serve devolveu %s embora " + escaped(swallowed.whatPt()) + ": a falha foi engolida",
                        diner.result())
                .expected("serve fails with the task's exception (itself, or as the cause of what serve throws)",
                        "serve falha com a exceção da tarefa (ela mesma, ou como causa do que serve lança)")
                .hint(escaped(swallowed.hintEn()), escaped(swallowed.hintPt()))
                .picture(this::timeline))
                .isNotNull();
        assertThat(causeChain(diner.failure())).withFailMessage(Feedback
                .observed("serve threw %s, but the task's failure (%s) is not among its causes",
                        "serve lançou %s, mas a falha da tarefa (%s) não está entre as suas causas",
                        diner.failure(), failure)
                .expected("the task's own exception, or an exception whose cause is it",
                        "a própria exceção da tarefa, ou uma exceção cuja causa seja ela")
                .hint("when you wrap an exception in another one, pass the original along as its cause (or "
                                + "rethrow the original): the reason is the most useful part",
                        "ao embrulhar uma exceção em outra, passe a original como causa (ou relance a original): "
                                + "o motivo é a parte mais útil")
                .picture(this::timeline))
                .contains(failure);
    }

    /** Text spliced into a Feedback format, with its own % signs kept literal. */
    private static String escaped(String text) {
        return text.replace("%", "%%");
    }

    /** Calls prepare on a thread named "chef" and requires it to return a task. */
    private Callable<Plate> prepared() throws InterruptedException {
        Errand<Callable<Plate>> preparing = Errand.start("chef", journal, "prepare", () -> cook.prepare(griddle, EGGS));
        assertReturned(preparing);
        assertThat(preparing.result()).withFailMessage(Feedback
                .observed("prepare returned null", "prepare devolveu null")
                .expected("a task that cooks the order when it is run",
                        "uma tarefa que cozinha o pedido quando for executada")
                .hint("return the task itself", "devolva a própria tarefa"))
                .isNotNull();
        return preparing.result();
    }

    /** Correctness of a prepared task: run by someone, it fries the order once and returns that plate. */
    private void assertRunningItCooksOnce(Callable<Plate> breakfast) throws InterruptedException {
        Errand<Plate> running = Errand.start("line-cook", journal, "task.call()", breakfast);
        assertReturned(running);
        assertThat(griddle.cookings()).withFailMessage(Feedback
                .observed("running the prepared task fried the order %d time(s)",
                        "executar a tarefa preparada fritou o pedido %d vez(es)", griddle.cookings().size())
                .expected("running the task fries the order exactly once",
                        "executar a tarefa frita o pedido exatamente uma vez")
                .hint("the task itself does the cooking: it fries the order on the griddle and returns the plate",
                        "a própria tarefa cozinha: ela frita o pedido na chapa e devolve o prato")
                .picture(this::timeline))
                .hasSize(1);
        assertThat(running.result()).withFailMessage(Feedback
                .observed("running the prepared task returned %s, not the plate the griddle made (%s)",
                        "executar a tarefa preparada devolveu %s, não o prato que a chapa fez (%s)",
                        running.result(), griddle.plates())
                .expected("the task returns the griddle's plate", "a tarefa devolve o prato da chapa")
                .hint("return what the griddle gives back", "devolva o que a chapa entrega"))
                .isIn(griddle.plates());
    }

    /** Calls serve on a thread named "diner", so its thread is known and a hang never hangs the test. */
    private Errand<Plate> serving(Callable<Plate> task) {
        return Errand.start("diner", journal, "serve", () -> cook.serve(task));
    }

    private void assertFinished(Errand<?> call) throws InterruptedException {
        assertThat(call.finishedWithin(PROMPTLY)).withFailMessage(Feedback
                .observed("%s had not finished after %d s", "%s não tinha terminado depois de %d s",
                        call.what(), PROMPTLY.toSeconds())
                .expected("%s finishes promptly: nothing in this test makes it wait long",
                        "%s termina logo: nada neste teste o faz esperar muito", call.what())
                .hint("something waits for an event that never comes (a result never handed back, a join on the "
                                + "wrong thread)",
                        "algo espera um evento que nunca chega (um resultado nunca devolvido, um join na thread "
                                + "errada)")
                .picture(this::timeline))
                .isTrue();
    }

    private void assertReturned(Errand<?> call) throws InterruptedException {
        assertFinished(call);
        assertThat(call.failure()).withFailMessage(Feedback
                .observed("%s threw %s", "%s lançou %s", call.what(), call.failure())
                .expected("%s returns normally", "%s retorna normalmente", call.what())
                .hint("nothing went wrong on the griddle this time: the exception came from your code",
                        "nada deu errado na chapa desta vez: a exceção veio do seu código")
                .picture(this::timeline))
                .isNull();
    }

    /** The lesson's "scheduled": the cooking ran on a thread other than the one that called serve. */
    private void assertCookedOffTheCallersThread(Errand<Plate> diner) {
        assertThat(griddle.cookings()).withFailMessage(Feedback
                .observed("the eggs were fried on the thread that called serve (\"%s\"): the task was called in "
                                + "place, not scheduled",
                        "os ovos foram fritos na thread que chamou serve (\"%s\"): a tarefa foi chamada ali mesmo, "
                                + "não agendada",
                        diner.threadName())
                .expected("serve hands the task to another thread and waits for it",
                        "serve entrega a tarefa a outra thread e espera por ela")
                .hint("calling task.call() yourself runs it right here, like any method; scheduling means "
                                + "handing the task to someone else to run (like asyncio.run, or an executor)",
                        "chamar task.call() você mesmo executa ali mesmo, como qualquer método; agendar é "
                                + "entregar a tarefa para outro executar (como asyncio.run, ou um executor)")
                .picture(this::timeline))
                .noneMatch(diner::ranOn);
    }

    private void assertServedThePlate(Errand<Plate> diner) {
        assertThat(diner.result()).withFailMessage(Feedback
                .observed("serve returned %s, not the plate the task made (%s)",
                        "serve devolveu %s, não o prato que a tarefa fez (%s)", diner.result(), griddle.plates())
                .expected("serve returns the task's own result", "serve devolve o próprio resultado da tarefa")
                .hint("the plate comes out of the task: get it from whatever ran the task",
                        "o prato sai da tarefa: pegue-o de quem executou a tarefa")
                .picture(this::timeline))
                .isIn(griddle.plates());
    }

    private String printed() {
        String text = printed.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "nothing" : "\"" + text.replaceAll("\\R", " / ") + "\"";
    }

    private String timeline() {
        return Timeline.of(journal);
    }

    private static List<Throwable> causeChain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static ConditionFactory polling() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }

    private static boolean eventually(Duration atMost, Callable<Boolean> condition) {
        try {
            polling().atMost(atMost).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * True if the condition held for the whole window. It fails as soon as the condition is false, and the
     * generous upper bound keeps a slow poller from failing correct code.
     */
    private static boolean holdsThroughout(Duration window, Callable<Boolean> condition) {
        try {
            polling().during(window).atMost(window.multipliedBy(3))
                    .failFast(() -> !condition.call())
                    .until(condition);
            return true;
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            return false;
        }
    }

    /**
     * One call made on a daemon thread of its own, drawn as a span of the journal, so a test can see which
     * thread it ran on, see whether it has returned yet, and give up on it without hanging.
     */
    private static final class Errand<T> {
        private final String what;
        private final Thread thread;
        private final CountDownLatch finished = new CountDownLatch(1);
        private volatile T result;
        private volatile Throwable failure;

        private Errand(String threadName, Journal journal, String what, Callable<T> call) {
            this.what = what;
            thread = Thread.ofPlatform().daemon().name(threadName).unstarted(() -> {
                Journal.Span span = journal.begin(what);
                try {
                    result = call.call();
                    journal.end(span, Lang.current().pick("returned", "retornou"));
                } catch (Throwable t) {
                    failure = t;
                    journal.end(span, Lang.current().pick("threw ", "lançou ") + t.getClass().getSimpleName());
                } finally {
                    finished.countDown();
                }
            });
        }

        static <T> Errand<T> start(String threadName, Journal journal, String what, Callable<T> call) {
            Errand<T> errand = new Errand<>(threadName, journal, what, call);
            errand.thread.start();
            return errand;
        }

        boolean finishedWithin(Duration atMost) throws InterruptedException {
            return finished.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
        }

        boolean finished() {
            return finished.getCount() == 0;
        }

        boolean ranOn(Journal.Span span) {
            return span.worker().id() == thread.threadId();
        }

        String threadName() {
            return thread.getName();
        }

        /** What happened so far, in the student's language: "returned X", "threw X", "was still running". */
        String state() {
            Lang lang = Lang.current();
            if (!finished()) {
                return lang.pick("was still running", "ainda estava rodando");
            }
            return failure == null ? lang.pick("returned ", "devolveu ") + result : lang.pick("threw ", "lançou ") + failure;
        }

        /** The call it makes, as code: "serve", "prepare", "task.call()". */
        String what() {
            return what;
        }

        T result() {
            return result;
        }

        Throwable failure() {
            return failure;
        }
    }
}
