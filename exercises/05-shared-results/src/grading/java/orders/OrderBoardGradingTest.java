package orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.grading.Points;
import kitchen.results.Scene;
import kitchen.results.SlowMotion;
import kitchen.results.Snapshot;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each task is graded twice: in slow motion (a debugger pauses one thread before each of its reads, writes,
 * locks and calls while the other runs: a race that exists is found on every run, on any machine) and in a rush
 * (real threads on real cores, released together, round after round: what slow motion cannot see, such
 * as races that need two pauses). A rush can come out right by luck, so it earns its points only once the
 * slow-motion replay of the same task is clean too.
 */
@DisplayName("05 shared results: the order board")
class OrderBoardGradingTest {

    private static final Map<Class<?>, SlowMotion.Replay> REPLAYS = new HashMap<>();

    /** Each scene is replayed once per JVM: the rush tests reuse the slow-motion tests' replay. */
    private static synchronized SlowMotion.Replay replay(Class<? extends Scene<?>> scene) {
        return REPLAYS.computeIfAbsent(scene,
                s -> SlowMotion.of(scene).watching("orders").deadline(Duration.ofSeconds(25)).replay());
    }

    @Test
    @Tag("task:1")
    @Points(3)
    @DisplayName("two cooks adding at once lose nothing, wherever one of them is paused (slow motion)")
    void twoCooksPausedAnywhereLoseNothing() {
        Optional<SlowMotion.Take> failure = replay(TwoCooks.class).firstFailure();

        assertThat(failure).withFailMessage(() -> slowMotion(failure.orElseThrow())
                .expected("whichever cook is paused, and wherever: count() = 43 and each of the 43 dishes on the "
                                + "board once",
                        "qualquer que seja o cozinheiro pausado, e onde for: count() = 43 e cada um dos 43 pratos "
                                + "no quadro uma vez")
                .hint(TASK_1_HINT_EN, TASK_1_HINT_PT)
                .picture(() -> failure.orElseThrow().story(Lang.current()))
                .get()).isEmpty();
    }

    @Test
    @Tag("task:1")
    @Points(3)
    @DisplayName("a rush of cooks released together keeps every dish and counts every add, round after round")
    void rushKeepsEveryDishAndCount() throws InterruptedException {
        List<Rush.Round> rounds = Rush.play(0);

        judgeRush(rounds, OrderBoardGradingTest::addsWentWrong, TwoCooks.class,
                "every round: count() = the number of adds (up to " + Rush.ADDS + "), and each dish added on the "
                        + "board once",
                "em toda rodada: count() = o número de anotações (até " + Rush.ADDS + "), e cada prato anotado "
                        + "no quadro uma vez",
                TASK_1_HINT_EN, TASK_1_HINT_PT);
    }

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("a snapshot taken while a cook is paused mid-add is whole and never changes (slow motion)")
    void snapshotBesidePausedCookIsWhole() {
        Optional<SlowMotion.Take> failure = replay(CookAndWaiter.class).firstFailure();

        assertThat(failure).withFailMessage(() -> slowMotion(failure.orElseThrow())
                .expected("wherever the cook or the waiter is paused: the waiter sees the board before the add "
                                + "(41 dishes, count 41) or after it (42, count 42), in a copy that stays as it was, "
                                + "and count() says no more than that just before the snapshot and no less just after",
                        "onde quer que o cozinheiro ou o garçom seja pausado: o garçom vê o quadro antes da anotação "
                                + "(41 pratos, count 41) ou depois (42, count 42), numa cópia que fica como estava, e "
                                + "count() não diz mais que isso logo antes do retrato nem menos logo depois")
                .hint(TASK_2_HINT_EN, TASK_2_HINT_PT)
                .picture(() -> failure.orElseThrow().story(Lang.current()))
                .get()).isEmpty();
    }

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("snapshots taken during a rush never fail, agree with themselves and never change, round after round")
    void snapshotsDuringRushAreWhole() throws InterruptedException {
        List<Rush.Round> rounds = Rush.play(2);

        judgeRush(rounds, OrderBoardGradingTest::snapshotsWentWrong, CookAndWaiter.class,
                "every snapshot of every round: no exception, count = number of dishes, dishes that were on the "
                        + "board together, unchanged once taken, and count() just before it no more, just after "
                        + "it no less",
                "todo retrato de toda rodada: nenhuma exceção, count = número de pratos, pratos que estiveram "
                        + "juntos no quadro, sem mudar depois de tirado, e count() logo antes não maior, logo depois "
                        + "não menor",
                TASK_2_HINT_EN, TASK_2_HINT_PT);
    }

    private static final String TASK_1_HINT_EN = "count++ and ArrayList.add each read a value, change it and "
            + "write it back: a cook that is paused in between writes back a stale value over another cook's "
            + "work. volatile makes each read and each write visible, not the three of them one step; a lock on "
            + "an object made in the same call is a lock no other cook ever waits for. Let one cook at a time "
            + "change the list and the count, both, and make every cook wait for the same thing to do so.";
    private static final String TASK_1_HINT_PT = "count++ e ArrayList.add cada um lê um valor, muda e escreve de "
            + "volta: um cozinheiro pausado no meio escreve um valor velho por cima do trabalho de outro. volatile "
            + "torna visível cada leitura e cada escrita, não faz das três um passo só; um lock num objeto criado "
            + "na mesma chamada é um lock pelo qual nenhum outro cozinheiro espera. Deixe um cozinheiro por vez "
            + "mudar a lista e o contador, os dois, e faça todos esperarem pela mesma coisa para isso.";
    private static final String TASK_2_HINT_EN = "A snapshot must read the count and the dishes at one instant: "
            + "while it copies, no cook may be half-way through an add, so it must wait for the same thing the "
            + "cooks wait for. An add is one step only if nobody can look between its halves: two critical "
            + "sections one after the other (two synchronized blocks, two locks, a lock and then an atomic "
            + "counter) leave a moment when the dish is on the board and not counted, and a snapshot or count() "
            + "taken then sees it. Claiming a "
            + "place first (an atomic index) and putting the dish in it afterwards leaves the opposite moment: a "
            + "place counted and shown with no dish in it yet. Two thread-safe halves (a synchronized list and an atomic counter) are each "
            + "safe, but not together. A read-only view of the live list (Collections.unmodifiableList) is not a copy: "
            + "it changes as cooks add, and walking it while they add throws.";
    private static final String TASK_2_HINT_PT = "Um retrato precisa ler o contador e os pratos no mesmo instante: "
            + "enquanto ele copia, nenhum cozinheiro pode estar no meio de uma anotação, então ele precisa esperar "
            + "pela mesma coisa que os cozinheiros esperam. Uma anotação só é um passo se ninguém puder olhar entre "
            + "as suas metades: duas seções críticas uma depois da outra (dois blocos synchronized, dois locks, um "
            + "lock e depois um contador atômico) deixam um momento em que o prato está no quadro e não foi "
            + "contado, e um retrato ou um count() feito nesse momento vê isso. Reservar um lugar primeiro (um "
            + "índice atômico) e pôr o prato nele depois deixa o momento oposto: um lugar contado e mostrado ainda "
            + "sem prato. Duas metades thread-safe (uma lista sincronizada e um "
            + "contador atômico) são seguras cada uma, mas não juntas. Uma visão somente-leitura da lista viva "
            + "(Collections.unmodifiableList) não é uma cópia: muda quando os cozinheiros anotam, e percorrê-la "
            + "enquanto anotam lança exceção.";

    private static Feedback slowMotion(SlowMotion.Take take) {
        return Feedback.observed("in slow motion, take %d of %d: %s", "em câmera lenta, tomada %d de %d: %s",
                take.number(), take.of(), take.verdict());
    }

    /**
     * Fails with "racy k/N" and the first bad round's evidence when any round went wrong, or with the
     * slow-motion story when every round happened to come out right but the replay did not.
     */
    private static void judgeRush(List<Rush.Round> rounds, Function<Rush.Round, String> wrong,
            Class<? extends Scene<?>> scene, String expectedEn, String expectedPt, String hintEn, String hintPt) {
        List<String> verdicts = rounds.stream().map(wrong).toList();
        int racy = (int) verdicts.stream().filter(Objects::nonNull).count();
        Optional<SlowMotion.Take> slow = replay(scene).firstFailure();
        Feedback feedback;
        if (racy > 0) {
            int first = IntStream.range(0, verdicts.size()).filter(i -> verdicts.get(i) != null).findFirst().orElseThrow();
            feedback = Feedback.observed("racy %d/%d: %d of %d rounds went wrong; in round %d, %s",
                    "com corrida %d/%d: %d de %d rodadas deram errado; na rodada %d, %s", racy, rounds.size(),
                    racy, rounds.size(), first + 1, verdicts.get(first));
        } else if (slow.isPresent()) {
            feedback = Feedback.observed("every round of the rush came out right this time (%d/%d), but slow motion "
                            + "still finds a race (take %d): %s",
                    "toda rodada do movimento deu certo desta vez (%d/%d), mas a câmera lenta ainda acha uma corrida "
                            + "(tomada %d): %s", rounds.size(), rounds.size(), slow.get().number(), slow.get().verdict());
        } else {
            return;
        }
        throw feedback.expected(expectedEn, expectedPt)
                .hint(hintEn + " A rush needs luck to show a race; slow motion does not.",
                        hintPt + " Um movimento precisa de sorte para mostrar uma corrida; a câmera lenta não.")
                .picture(() -> table(rounds, verdicts))
                .picture(() -> slow.map(take -> take.story(Lang.current())).orElse(""))
                .error();
    }

    /** What went wrong with the adds of a round, or null. */
    private static String addsWentWrong(Rush.Round round) {
        Lang lang = Lang.current();
        List<String> problems = new ArrayList<>();
        if (!round.finished()) {
            return lang.pick("the cooks stopped making progress and never finished (does add() wait for "
                            + "something that never happens?)",
                    "os cozinheiros pararam de avançar e nunca terminaram (add() espera algo que nunca "
                            + "acontece?)");
        }
        if (round.threw() > 0) {
            problems.add(lang.pick(
                    round.threw() == 1 ? "1 add threw " + round.firstThrow()
                            : String.format(Locale.ROOT, "%d adds threw, the first %s", round.threw(), round.firstThrow()),
                    round.threw() == 1 ? "1 anotação lançou exceção: " + round.firstThrow()
                            : String.format(Locale.ROOT, "%d anotações lançaram exceção, a primeira %s", round.threw(),
                                    round.firstThrow())));
        }
        int adds = sum(round.added());
        int count = round.board().count();
        if (count != adds) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "count() = %d after %d adds (%d adds lost)", count, adds, adds - count),
                    String.format(Locale.ROOT, "count() = %d depois de %d anotações (%d perdidas)", count, adds,
                            adds - count)));
        }
        try {
            Snapshot snapshot = round.board().snapshot();
            Inspection board = Inspection.of(snapshot.dishes(), Rush.COOKS);
            int missing = board.missing(round.added());
            if (missing > 0 || board.twice() > 0 || board.empty() > 0 || board.strangers() > 0) {
                problems.add(lang.pick(
                        String.format(Locale.ROOT, "the board kept %d of the %d dishes: %d missing (%s), %d twice, "
                                + "%d empty slots (null)", board.kept(), adds, missing, board.someMissing(round.added(), 3),
                                board.twice(), board.empty()),
                        String.format(Locale.ROOT, "o quadro guardou %d dos %d pratos: %d faltando (%s), %d repetidos, "
                                + "%d posições vazias (null)", board.kept(), adds, missing,
                                board.someMissing(round.added(), 3), board.twice(), board.empty())));
            }
        } catch (RuntimeException e) {
            problems.add(lang.pick("snapshot() after the rush threw " + Rush.describe(e),
                    "snapshot() depois do movimento lançou " + Rush.describe(e)));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** What the waiters saw go wrong in a round, or null. */
    private static String snapshotsWentWrong(Rush.Round round) {
        if (!round.finished()) {
            return Lang.current().pick("the cooks or the waiters stopped making progress and never finished "
                            + "(does add() or snapshot() wait for something that never happens?)",
                    "os cozinheiros ou os garçons pararam de avançar e nunca terminaram (add() ou snapshot() "
                            + "espera algo que nunca acontece?)");
        }
        return round.waiterSaw();
    }

    /** One line per round: what was added, what the board counted, and whether the round went right. */
    private static String table(List<Rush.Round> rounds, List<String> verdicts) {
        Lang lang = Lang.current();
        StringBuilder out = new StringBuilder(lang.pick(
                String.format(Locale.ROOT, "%d cooks, %d bursts of %d adds each, every burst released together:%n",
                        Rush.COOKS, Rush.BURSTS, Rush.PER_BURST),
                String.format(Locale.ROOT, "%d cozinheiros, %d rajadas de %d anotações cada, cada rajada solta de uma vez:%n",
                        Rush.COOKS, Rush.BURSTS, Rush.PER_BURST)));
        out.append(lang.pick("round   adds  count()  snapshots  verdict\n", "rodada  anot. count()  retratos   veredito\n"));
        for (int i = 0; i < rounds.size(); i++) {
            Rush.Round round = rounds.get(i);
            // A stuck round's board may be locked for good: ask it nothing.
            String count = round.finished() ? String.valueOf(round.board().count()) : "?";
            out.append(String.format(Locale.ROOT, "%5d  %5d  %7s  %9d  %s%n", round.number(), sum(round.added()),
                    count, round.snapshots(), verdicts.get(i) == null ? "ok" : lang.pick("racy", "com corrida")));
        }
        return out.toString();
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }
}
