package orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kitchen.grading.Lang;
import kitchen.grading.TimeScale;
import kitchen.results.Dish;
import kitchen.results.Snapshot;

/**
 * A dinner rush on one order board: cooks on platform threads add dishes in tight loops, in bursts, and
 * each burst starts only when every cook has arrived at the pass, so the cooks that are on a core start
 * adding at the very same instant (the start gate is re-closed before every burst: one start per round
 * would leave most cooks running alone on a busy machine). Waiters, if any, take snapshots all the while
 * and judge each one. One round is one board; the graded tests play several.
 */
final class Rush {

    static final int ROUNDS = 6;
    /** More cooks than cores, so that there is always a cook ready to run on every core. */
    static final int COOKS = Math.min(8, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    static final int BURSTS = 10;
    static final int PER_BURST = 500;
    static final int PER_COOK = BURSTS * PER_BURST;
    static final int ADDS = COOKS * PER_COOK;

    /**
     * The rush ends after this, in the middle of a round if need be (a round is judged on the adds that
     * were made), so a slow machine or a slow but correct board still ends in time.
     */
    private static final Duration BUDGET = Duration.ofSeconds(6);
    /** A round in which no cook finished a burst and no waiter a snapshot for this long is stuck. */
    private static final Duration STALL = Duration.ofSeconds(10);

    /**
     * How one round went.
     *
     * @param added      how many adds of each cook returned
     * @param threw      how many adds threw
     * @param firstThrow the first of those failures, or null
     * @param finished   whether every cook and waiter ended (false: they stopped making progress)
     * @param snapshots  how many snapshots the waiters took
     * @param waiterSaw  the first thing wrong the waiters saw, or null
     */
    record Round(int number, OrderBoard board, int[] added, int threw, String firstThrow, boolean finished,
            int snapshots, String waiterSaw) {
    }

    private Rush() {
    }

    /** Plays rounds, up to {@link #ROUNDS} or the budget (at least one, maybe cut short). */
    static List<Round> play(int waiters) throws InterruptedException {
        long budgetEnd = System.nanoTime() + TimeScale.scaled(BUDGET).toNanos();
        List<Round> rounds = new ArrayList<>();
        for (int n = 1; n <= ROUNDS; n++) {
            Round round = round(n, waiters, budgetEnd);
            rounds.add(round);
            if (!round.finished() || System.nanoTime() > budgetEnd) {
                break;
            }
        }
        return rounds;
    }

    private static Round round(int number, int waiters, long budgetEnd) throws InterruptedException {
        OrderBoard board = new OrderBoard();
        Dish[][] dishes = new Dish[COOKS][PER_COOK];
        for (int c = 0; c < COOKS; c++) {
            for (int n = 0; n < PER_COOK; n++) {
                dishes[c][n] = new Dish(c, n);
            }
        }
        Gate gate = new Gate(COOKS, budgetEnd);
        AtomicInteger progress = new AtomicInteger();
        int[] added = new int[COOKS];
        AtomicInteger threw = new AtomicInteger();
        AtomicReference<String> firstThrow = new AtomicReference<>();
        AtomicBoolean cooking = new AtomicBoolean(true);
        AtomicInteger snapshots = new AtomicInteger();
        AtomicReference<String> waiterSaw = new AtomicReference<>();

        List<Thread> cooks = new ArrayList<>();
        for (int c = 0; c < COOKS; c++) {
            int cook = c;
            cooks.add(Thread.ofPlatform().daemon().name("cook " + c).unstarted(() -> {
                int returned = 0;
                for (int burst = 0; burst < BURSTS && gate.pass(burst); burst++, progress.incrementAndGet()) {
                    for (int n = burst * PER_BURST; n < (burst + 1) * PER_BURST; n++) {
                        try {
                            board.add(dishes[cook][n]);
                            returned++;
                        } catch (RuntimeException | Error e) {
                            threw.incrementAndGet();
                            firstThrow.compareAndSet(null, describe(e) + " (" + dishes[cook][n] + ")");
                        }
                    }
                }
                // Counted locally and written once: cooks writing neighbouring slots on every add would
                // contend for one cache line and slow themselves down.
                added[cook] = returned;
            }));
        }
        List<Thread> watchers = new ArrayList<>();
        for (int w = 0; w < waiters; w++) {
            watchers.add(Thread.ofPlatform().daemon().name("waiter " + w)
                    .unstarted(new Waiter(board, cooking, snapshots, waiterSaw)));
        }
        watchers.forEach(Thread::start);
        cooks.forEach(Thread::start);
        boolean finished = joinAll(cooks, progress, snapshots);
        cooking.set(false);
        finished = finished && joinAll(watchers, progress, snapshots);
        return new Round(number, board, added, threw.get(), firstThrow.get(), finished, snapshots.get(),
                waiterSaw.get());
    }

    /** Waits for every thread while the round makes progress; false once it has stalled (left behind: daemons). */
    private static boolean joinAll(List<Thread> threads, AtomicInteger bursts, AtomicInteger snapshots)
            throws InterruptedException {
        long stall = TimeScale.scaled(STALL).toNanos();
        long seen = -1;
        long since = System.nanoTime();
        for (Thread thread : threads) {
            while (!thread.join(Duration.ofMillis(50))) {
                long now = bursts.get() + (long) snapshots.get();
                if (now != seen) {
                    seen = now;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since > stall) {
                    return false;
                }
            }
        }
        return true;
    }

    static String describe(Throwable t) {
        String name = t.getClass().getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")) {
            // The JDK's own words ("Index 166 out of bounds for length 163") as a stack trace shows them,
            // under the class's full name: what a student would search for, in any language.
            return t.toString();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /**
     * Opens burst after burst, each when every cook has arrived. Waiting cooks spin (so that the ones on a
     * core start at once) and yield now and then (so that cooks still on their way get a core).
     */
    private static final class Gate {
        private final int cooks;
        private final long budgetEnd;
        private final AtomicInteger arrived = new AtomicInteger();
        private volatile int opened;

        Gate(int cooks, long budgetEnd) {
            this.cooks = cooks;
            this.budgetEnd = budgetEnd;
        }

        /** @return false once the rush's budget is spent: the cook stops adding */
        boolean pass(int burst) {
            if (System.nanoTime() > budgetEnd) {
                return false;
            }
            if (arrived.incrementAndGet() == cooks * (burst + 1)) {
                opened = burst + 1;
                return true;
            }
            for (int spins = 1; opened <= burst; spins++) {
                if ((spins & 63) == 0) {
                    if (System.nanoTime() > budgetEnd) {
                        return false;
                    }
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            return true;
        }
    }

    /**
     * Takes snapshot after snapshot while the cooks work, each between two calls of count(), and judges each:
     * it must not throw, must agree with itself and with the count() just before (no more) and after (no less), must hold dishes that were on the board together (each cook's dishes #0, #1… without a gap,
     * none twice, no empty slot), must not count fewer than the one before, must not be changeable, and the
     * first one must look the same once the rush is over.
     */
    private record Waiter(OrderBoard board, AtomicBoolean cooking, AtomicInteger snapshots,
            AtomicReference<String> saw) implements Runnable {

        @Override
        public void run() {
            Snapshot first = null;
            List<Dish> firstDishes = null;
            int last = 0;
            String problem = null;
            while (problem == null && cooking.get()) {
                try {
                    int before = board.count();
                    Snapshot snapshot = board.snapshot();
                    int after = board.count();
                    snapshots.incrementAndGet();
                    problem = judge(snapshot, last);
                    if (problem == null) {
                        problem = CookAndWaiter.countsAgree(before, snapshot.count(), after, Lang.current());
                    }
                    last = snapshot.count();
                    if (problem == null && first == null && !snapshot.dishes().isEmpty()) {
                        first = snapshot;
                        firstDishes = List.copyOf(snapshot.dishes());
                        problem = changeable(snapshot);
                    }
                } catch (RuntimeException e) {
                    problem = Lang.current().pick("snapshot() or count() (or reading the snapshot's list) threw "
                            + describe(e), "snapshot() ou count() (ou ler a lista do retrato) lançou " + describe(e));
                }
            }
            if (problem == null && first != null && !first.dishes().equals(firstDishes)) {
                problem = Lang.current().pick(
                        String.format(Locale.ROOT, "a snapshot changed after it was taken: %d dishes when the waiter "
                                + "got it, %d after the rush (is it a view of the live list?)", firstDishes.size(),
                                first.dishes().size()),
                        String.format(Locale.ROOT, "um retrato mudou depois de tirado: %d pratos quando o garçom o "
                                + "recebeu, %d depois do movimento (é uma visão da lista viva?)", firstDishes.size(),
                                first.dishes().size()));
            }
            if (problem != null) {
                saw.compareAndSet(null, problem);
            }
        }

        private static String judge(Snapshot snapshot, int last) {
            Lang lang = Lang.current();
            Inspection inspection = Inspection.of(snapshot.dishes(), COOKS);
            if (snapshot.count() != inspection.size()) {
                return lang.pick(
                        String.format(Locale.ROOT, "a snapshot disagrees with itself: count = %d but %d dishes",
                                snapshot.count(), inspection.size()),
                        String.format(Locale.ROOT, "um retrato não bate consigo mesmo: count = %d mas %d pratos",
                                snapshot.count(), inspection.size()));
            }
            if (inspection.empty() > 0 || inspection.twice() > 0 || inspection.strangers() > 0) {
                return lang.pick(
                        String.format(Locale.ROOT, "a snapshot holds %d empty slots (null), %d dishes twice and %d "
                                + "dishes no cook made", inspection.empty(), inspection.twice(), inspection.strangers()),
                        String.format(Locale.ROOT, "um retrato tem %d posições vazias (null), %d pratos repetidos e %d "
                                + "pratos que ninguém fez", inspection.empty(), inspection.twice(), inspection.strangers()));
            }
            String gap = inspection.gap();
            if (gap != null) {
                return lang.pick("a snapshot holds dishes that were never on the board together: " + gap,
                        "um retrato tem pratos que nunca estiveram juntos no quadro: " + gap);
            }
            if (snapshot.count() < last) {
                return lang.pick(
                        String.format(Locale.ROOT, "a snapshot counts %d, fewer than the %d of the one before",
                                snapshot.count(), last),
                        String.format(Locale.ROOT, "um retrato conta %d, menos que os %d do anterior",
                                snapshot.count(), last));
            }
            return null;
        }

        private static String changeable(Snapshot snapshot) {
            try {
                snapshot.dishes().add(new Dish(-1, -1));
                return Lang.current().pick("a snapshot's list can be changed by whoever reads it",
                        "a lista de um retrato pode ser alterada por quem a lê");
            } catch (UnsupportedOperationException expected) {
                return null;
            }
        }
    }
}
