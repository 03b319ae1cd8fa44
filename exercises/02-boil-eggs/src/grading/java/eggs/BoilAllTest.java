package eggs;

import static eggs.EggInspector.byBoilTime;
import static eggs.EggInspector.eggs;
import static eggs.EggInspector.servedEveryEgg;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kitchen.grading.Feedback;
import kitchen.grading.Points;
import kitchen.grading.TimeScale;
import kitchen.stove.CrackedEggException;
import kitchen.stove.Egg;
import kitchen.stove.Stove;
import kitchen.trace.Journal;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** Task 1: a thread per waiting egg. */
@Tag("task:1")
@Timeout(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoilAllTest {

    private static final String BOIL_ALL = "boilAll";
    private static final String ONE_THREAD_PER_EGG_EN =
            "start every egg before you wait for any: one thread per egg, each calling stove.boil(egg);"
                    + " a pool of a few threads boils only a few eggs at a time";
    private static final String ONE_THREAD_PER_EGG_PT =
            "comece todos os ovos antes de esperar por qualquer um: uma thread por ovo, cada uma chamando"
                    + " stove.boil(egg); um pool de poucas threads cozinha só poucos ovos por vez";

    private final Chef chef = new Chef();

    private EggInspector.Served boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        return EggInspector.serve(stove, () -> chef.boilAll(stove, eggs));
    }

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("boilAll puts every egg on the stove at the same time")
    void allEggsAreOnTheStoveAtTheSameTime() throws InterruptedException {
        // Egg 1 is short and another one long: waiting for egg 1 alone returns a second before the last is done.
        List<Egg> eggs = eggs(200, 1200, 300, 500, 100);
        Stove stove = EggInspector.stoveFor(eggs);
        EggInspector.Served served = boilAll(stove, eggs);
        servedEveryEgg(BOIL_ALL, served, eggs, stove);

        assertThat(stove.allOnTogether())
                .withFailMessage(EggInspector.notAllOnTogether(stove, eggs.size(), ONE_THREAD_PER_EGG_EN, ONE_THREAD_PER_EGG_PT))
                .isTrue();
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("boilAll takes about as long as the longest egg, not as long as all eggs together")
    void totalTimeIsNearTheLongestEggNotTheSum() throws InterruptedException {
        List<Egg> eggs = eggs(300, 500, 200, 400, 100, 450, 350, 250);
        Stove stove = EggInspector.stoveFor(eggs);
        EggInspector.Served served = boilAll(stove, eggs);
        servedEveryEgg(BOIL_ALL, served, eggs, stove);

        Duration limit = EggInspector.clockLimit(eggs);
        assertThat(served.took())
                .withFailMessage(EggInspector.tookTooLong(BOIL_ALL, served, eggs, limit, stove))
                .isLessThan(limit);
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("boilAll starts every egg before any is done, and the eggs are done in boil-time order")
    void everyEggStartsBeforeAnyIsDoneAndTheyFinishInBoilTimeOrder() throws InterruptedException {
        // Input order is not boil-time order, and a call that does not wait returns a second before the last egg.
        List<Egg> eggs = eggs(300, 100, 1200, 200);
        Stove stove = EggInspector.stoveFor(eggs);
        EggInspector.Served served = boilAll(stove, eggs);
        servedEveryEgg(BOIL_ALL, served, eggs, stove);

        List<Journal.Event> events = stove.journal().events();
        Journal.Event firstDone = events.stream().filter(EggInspector::isDone).findFirst().orElseThrow();
        events.stream().filter(e -> EggInspector.isPutOn(e) && e.seq() > firstDone.seq()).findFirst().ifPresent(late -> {
            throw Feedback.observed("egg %d went on the stove after egg %d was already done",
                            "o ovo %d foi ao fogão depois que o ovo %d já estava pronto",
                            EggInspector.eggOf(late), EggInspector.eggOf(firstDone))
                    .expected("every \"Boiling eggs i\" before any \"Egg i done!\", as with asyncio.create_task",
                            "todo \"Boiling eggs i\" antes de qualquer \"Egg i done!\", como com asyncio.create_task")
                    .hint("an egg that waits for the previous one is not boiling: start them all, then wait",
                            "um ovo que espera o anterior não está cozinhando: comece todos, depois espere")
                    .picture(() -> EggInspector.printed(stove))
                    .error();
        });
        assertThat(stove.doneOrder())
                .withFailMessage(Feedback.observed("the eggs were done in the order %s", "os ovos ficaram prontos na ordem %s",
                                stove.doneOrder())
                        .expected("%s: eggs started together are done by their own boil time",
                                "%s: ovos começados juntos ficam prontos pelo seu próprio tempo", byBoilTime(eggs))
                        .hint("start every egg at the same time", "comece todos os ovos ao mesmo tempo")
                        .picture(() -> EggInspector.printed(stove)))
                .isEqualTo(byBoilTime(eggs));
    }

    @Test
    @Order(4)
    @Points(2)
    @Timeout(60)
    @DisplayName("boilAll boils 10 000 eggs all at once, in seconds")
    void tenThousandEggsBoilInSeconds() throws InterruptedException {
        int n = 10_000;
        List<Egg> eggs = IntStream.rangeClosed(1, n).mapToObj(i -> new Egg(i, Duration.ofMillis(300 + (i % 4) * 100))).toList();
        // Starting 10 000 threads takes a while on a busy machine: the stove waits longer for the next egg.
        Stove stove = Stove.inspected(n, EggInspector.GATE.multipliedBy(2));
        EggInspector.Served served = boilAll(stove, eggs);
        servedEveryEgg(BOIL_ALL, served, eggs, stove);

        assertThat(stove.allOnTogether())
                .withFailMessage(EggInspector.notAllOnTogether(stove, n,
                        "waiting costs nothing, so give every egg its own cheap thread: a virtual thread per egg;"
                                + " a pool of a few threads boils only a few eggs at a time",
                        "esperar não custa nada, então dê a cada ovo sua própria thread barata: uma thread virtual por"
                                + " ovo; um pool de poucas threads cozinha só poucos ovos por vez"))
                .isTrue();
        // The meeting above is the proof; the clock only catches the absurd, so it is loose enough for a
        // starved JVM on a busy machine (about a second on an idle one).
        Duration limit = TimeScale.millis(30_000);
        assertThat(served.took())
                .withFailMessage(Feedback.observed("boilAll took %d ms for %d eggs of at most 600 ms",
                                "boilAll levou %d ms para %d ovos de no máximo 600 ms", served.millis(), n)
                        .expected("seconds, not minutes: under %d ms", "segundos, não minutos: menos de %d ms",
                                limit.toMillis())
                        .hint("a virtual thread is cheap to start; a platform thread is not",
                                "uma thread virtual é barata de criar; uma thread de plataforma não"))
                .isLessThan(limit);
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("a cracked egg fails boilAll at once, naming the egg, and stops the other eggs")
    void aCrackedEggFailsTheCallPromptlyAndStopsTheOthers() throws InterruptedException {
        List<Egg> sound = eggs(200, 300, 100);
        Stove soundStove = EggInspector.stoveFor(sound);
        servedEveryEgg(BOIL_ALL, boilAll(soundStove, sound), sound, soundStove);

        Duration slow = Duration.ofMillis(2_000);
        Egg cracking = Egg.crackingAfter(3, Duration.ofMillis(100));
        List<Egg> eggs = List.of(new Egg(1, slow), new Egg(2, slow), cracking, new Egg(4, slow), new Egg(5, slow));
        Stove stove = EggInspector.stoveFor(eggs);
        Throwable failure = null;
        try {
            chef.boilAll(stove, eggs);
        } catch (Exception e) {
            failure = e;
        }
        List<Integer> doneBeforeFailure = stove.doneOrder();

        if (failure == null) {
            throw Feedback.observed("boilAll did not fail although egg 3 cracked: it returned normally",
                            "boilAll não falhou embora o ovo 3 tenha rachado: retornou normalmente")
                    .expected("boilAll fails with the CrackedEggException of egg 3",
                            "boilAll falha com a CrackedEggException do ovo 3")
                    .hint("a failed egg is a failed call: do not catch and skip it",
                            "um ovo que falhou é uma chamada que falhou: não capture e ignore")
                    .picture(stove::timeline)
                    .error();
        }
        Throwable thrown = failure;
        boolean namesTheEgg = Stream.iterate(thrown, t -> t != null, Throwable::getCause)
                .anyMatch(t -> t instanceof CrackedEggException c && c.egg().equals(cracking));
        assertThat(namesTheEgg)
                .withFailMessage(Feedback.observed("boilAll failed with %s, which does not carry the CrackedEggException of egg 3",
                                "boilAll falhou com %s, que não traz a CrackedEggException do ovo 3", thrown)
                        .expected("the CrackedEggException of egg 3, thrown as is or as the cause of what you throw",
                                "a CrackedEggException do ovo 3, lançada como está ou como causa do que você lança")
                        .hint("the exception an executor hands you wraps the egg's own one: look at its cause",
                                "a exceção que o executor entrega embrulha a do ovo: olhe a causa dela"))
                .isTrue();
        assertThat(doneBeforeFailure)
                .withFailMessage(Feedback.observed("boilAll waited for the other eggs before it failed: eggs %s were done first",
                                "boilAll esperou os outros ovos antes de falhar: os ovos %s ficaram prontos antes", doneBeforeFailure)
                        .expected("boilAll fails as soon as egg 3 cracks, about 100 ms after the eggs went on, before any"
                                        + " 2-second egg is done",
                                "boilAll falha assim que o ovo 3 racha, uns 100 ms depois de os ovos irem ao fogão, antes"
                                        + " de qualquer ovo de 2 segundos ficar pronto")
                        .hint("fail fast: watch the eggs in the order they finish, not in input order;"
                                        + " invokeAll and allOf wait for every egg, even after one has failed",
                                "falhe rápido: acompanhe os ovos na ordem em que terminam, não na ordem da entrada;"
                                        + " invokeAll e allOf esperam todos os ovos, mesmo depois de um ter falhado")
                        .picture(stove::timeline))
                .isEmpty();

        Duration grace = TimeScale.millis(1_500);
        try {
            Awaitility.await().pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(grace)
                    .until(() -> stove.onStove().isEmpty());
        } catch (ConditionTimeoutException e) {
            throw otherEggsNotStopped(stove, "eggs %s were still on the stove %d ms after boilAll failed",
                    "os ovos %s ainda estavam no fogão %d ms depois de boilAll falhar", stove.onStove(), grace.toMillis());
        }
        if (!stove.doneOrder().isEmpty()) {
            throw otherEggsNotStopped(stove, "eggs %s boiled until done after boilAll had failed",
                    "os ovos %s cozinharam até ficarem prontos depois de boilAll falhar", stove.doneOrder(), 0);
        }
    }

    private static AssertionError otherEggsNotStopped(Stove stove, String en, String pt, List<Integer> eggs, long millis) {
        return Feedback.observed("boilAll did not stop the other eggs: " + en,
                        "boilAll não parou os outros ovos: " + pt, eggs, millis)
                .expected("when egg 3 cracks, every other egg comes off the stove at once (its thread is interrupted)",
                        "quando o ovo 3 racha, todos os outros ovos saem do fogão na hora (a thread de cada um é interrompida)")
                .hint("stove.boil stops when its thread is interrupted; cancelling a CompletableFuture does not"
                                + " interrupt anything, but Future.cancel(true) and shutdownNow do",
                        "stove.boil para quando sua thread é interrompida; cancelar um CompletableFuture não"
                                + " interrompe nada, mas Future.cancel(true) e shutdownNow interrompem")
                .picture(stove::timeline)
                .error();
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("boilAll waits for every thread it started, whether it returns or fails")
    void noThreadIsLeftRunning() throws InterruptedException {
        Thread caller = Thread.currentThread();
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<Egg> eggs = eggs(200, 300, 100);
        Stove stove = EggInspector.stoveFor(eggs);
        EggInspector.Served served = boilAll(stove, eggs);
        servedEveryEgg(BOIL_ALL, served, eggs, stove);
        // Only threads started to boil eggs together can be left behind: boiling on the caller's alone earns nothing here.
        assertThat(stove.allOnTogether())
                .withFailMessage(EggInspector.notAllOnTogether(stove, eggs.size(), ONE_THREAD_PER_EGG_EN, ONE_THREAD_PER_EGG_PT))
                .isTrue();
        noThreadLeftBehind(stove, before, caller, "returned", "retornar");

        // Now an egg cracks. An interrupted egg stays on the stove until the caller waits inside boilAll (for its
        // executor to close, for a join…), so a call that interrupts its threads and leaves without waiting for
        // them is caught every time, not only when it outruns their last instructions.
        Egg cracking = Egg.crackingAfter(3, Duration.ofMillis(100));
        Duration slow = Duration.ofMillis(2_000);
        List<Egg> cracked = List.of(new Egg(1, slow), new Egg(2, slow), cracking, new Egg(4, slow), new Egg(5, slow));
        Stove crackStove = EggInspector.stoveFor(cracked);
        AtomicBoolean over = new AtomicBoolean();
        crackStove.holdInterruptedEggs(() -> over.get() || waitsInsideBoilAll(caller), TimeScale.millis(2_000));
        Exception failure = null;
        try {
            chef.boilAll(crackStove, cracked);
        } catch (Exception e) {
            failure = e;
        }
        List<Integer> onStoveAtTheEnd = crackStove.onStove();
        over.set(true);
        if (!onStoveAtTheEnd.isEmpty()) {
            throw Feedback.observed("when egg 3 cracked, boilAll %1$s while eggs %3$s were still on the stove: the threads"
                                    + " boiling them had not ended",
                            "quando o ovo 3 rachou, boilAll %2$s com os ovos %3$s ainda no fogão: as threads que os"
                                    + " cozinhavam não tinham terminado",
                            failure == null ? "returned" : "failed with " + failure.getClass().getSimpleName(),
                            failure == null ? "retornou" : "falhou com " + failure.getClass().getSimpleName(),
                            onStoveAtTheEnd)
                    .expected("boilAll waits for every thread it started before it returns or fails: after a crack,"
                                    + " every other egg is off the stove when the CrackedEggException leaves boilAll",
                            "boilAll espera toda thread que começou antes de retornar ou falhar: depois de uma"
                                    + " rachadura, todos os outros ovos já saíram do fogão quando a CrackedEggException"
                                    + " sai de boilAll")
                    .hint("interrupting a thread asks it to stop; it does not wait until it has: after shutdownNow,"
                                    + " wait with awaitTermination or close the executor; after interrupting threads of"
                                    + " your own, join them",
                            "interromper uma thread pede que ela pare; não espera que ela pare: depois de shutdownNow,"
                                    + " espere com awaitTermination ou feche o executor; depois de interromper suas"
                                    + " próprias threads, faça join nelas")
                    .picture(crackStove::timeline)
                    .error();
        }
        noThreadLeftBehind(crackStove, before, caller, failure == null ? "returned" : "failed",
                failure == null ? "retornar" : "falhar");
    }

    /** The caller is parked or sleeping in a frame of boilAll: it is waiting for something boilAll started. */
    private static boolean waitsInsideBoilAll(Thread caller) {
        Thread.State state = caller.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : caller.getStackTrace()) {
            if (frame.getClassName().equals(Chef.class.getName()) && frame.getMethodName().equals(BOIL_ALL)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every thread that boiled an egg, and every new non-daemon platform thread, ends soon after boilAll. Not at
     * the very instant: closing an executor waits for its tasks, and a thread may still be on its way out.
     */
    private static void noThreadLeftBehind(Stove stove, Set<Thread> before, Thread caller, String endedEn, String endedPt) {
        Duration grace = TimeScale.millis(2_000);
        List<Thread> alive = new CopyOnWriteArrayList<>();
        try {
            Awaitility.await().pollInSameThread().pollInterval(Duration.ofMillis(50)).atMost(grace)
                    .until(() -> {
                        alive.clear();
                        alive.addAll(leftBehind(stove, before, caller));
                        return alive.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw Feedback.observed("threads were still alive %1$d ms after boilAll %2$s: %4$s",
                            "threads ainda estavam vivas %1$d ms depois de boilAll %3$s: %4$s",
                            grace.toMillis(), endedEn, endedPt, names(alive))
                    .expected("every thread you started has finished its work by the time boilAll returns or fails",
                            "toda thread que você começou terminou o seu trabalho quando boilAll retorna ou falha")
                    .hint("an executor's threads live until it is shut down: close it (try-with-resources) when you"
                                    + " are done, also when an egg fails",
                            "as threads de um executor vivem até ele ser desligado: feche-o (try-with-resources) ao"
                                    + " terminar, também quando um ovo falha")
                    .error();
        }
    }

    /**
     * Threads that boiled an egg, and new non-daemon platform threads, still alive. The caller (the test's own
     * thread) and the stove's timer, a daemon, are not the student's.
     */
    private static List<Thread> leftBehind(Stove stove, Set<Thread> before, Thread caller) {
        List<Thread> alive = new ArrayList<>(
                stove.boilingThreads().stream().filter(t -> t != caller && t.isAlive()).toList());
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && !t.isDaemon() && t.isAlive() && !alive.contains(t))
                .forEach(alive::add);
        return alive;
    }

    private static String names(List<Thread> threads) {
        return threads.stream().limit(8)
                .map(t -> t.getName().isEmpty() ? (t.isVirtual() ? "virtual#" : "thread#") + t.threadId() : t.getName())
                .toList() + (threads.size() > 8 ? " and " + (threads.size() - 8) + " more" : "");
    }
}
