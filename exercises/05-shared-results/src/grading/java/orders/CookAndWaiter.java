package orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import kitchen.grading.Lang;
import kitchen.results.Dish;
import kitchen.results.Scene;
import kitchen.results.Snapshot;

/**
 * A cook adds a dish to a board that holds 41 while a waiter asks count(), takes a snapshot and asks count()
 * again, for {@link kitchen.results.SlowMotion}: in each take one of them is paused just before one of its
 * reads, writes, locks or calls while the other goes on. The waiter must see the board before the add or
 * after it, whole, what it saw must stay as it was, and count() must tell the same story: the count just
 * before the snapshot no more than the snapshot's, the count just after no less.
 */
public final class CookAndWaiter implements Scene<CookAndWaiter.Table> {

    /** What the cook and the waiter share; its field names the board in the story ("board.count"). */
    public static final class Table {
        final OrderBoard board;
        /** What the waiter got, and a copy of its dishes made the moment it got them. */
        Snapshot seen;
        List<Dish> seenDishes;
        /** What count() said just before and just after the snapshot (-1: not asked). */
        int countBefore = -1;
        int countAfter = -1;

        Table(OrderBoard board) {
            this.board = board;
        }
    }

    @Override
    public String firstName() {
        return Lang.current().pick("cook 1", "cozinheiro 1");
    }

    @Override
    public String secondName() {
        return Lang.current().pick("waiter", "garçom");
    }

    @Override
    public Table setUp() {
        return new Table(TwoCooks.boardWithDishes());
    }

    @Override
    public void first(Table table) {
        table.board.add(new Dish(1, 0));
    }

    @Override
    public void second(Table table) {
        table.countBefore = table.board.count();
        table.seen = table.board.snapshot();
        // A copy that keeps an empty slot (null) as it is, for the verdict to name it (List.copyOf would throw).
        table.seenDishes = Collections.unmodifiableList(new ArrayList<>(table.seen.dishes()));
        table.countAfter = table.board.count();
    }

    @Override
    public String verdict(Table table, Throwable cookFailure, Throwable waiterFailure) {
        Lang lang = Lang.current();
        List<String> problems = new ArrayList<>();
        if (cookFailure != null) {
            problems.add(lang.pick("add() threw " + cookFailure + " while the waiter took a snapshot",
                    "add() lançou " + cookFailure + " enquanto o garçom tirava um retrato"));
        }
        if (waiterFailure != null) {
            problems.add(lang.pick("the waiter's snapshot threw " + waiterFailure + " while the cook was adding",
                    "o retrato do garçom lançou " + waiterFailure + " enquanto o cozinheiro anotava"));
        }
        if (table.seenDishes != null) {
            problems.addAll(judge(table.seen, table.seenDishes, lang));
            String counts = countsAgree(table.countBefore, table.seen.count(), table.countAfter, lang);
            if (counts != null) {
                problems.add(counts);
            }
        }
        int count = table.board.count();
        if (count != TwoCooks.ON_THE_BOARD + 1) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "afterwards count() = %d, not %d", count, TwoCooks.ON_THE_BOARD + 1),
                    String.format(Locale.ROOT, "depois, count() = %d, e não %d", count, TwoCooks.ON_THE_BOARD + 1)));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /**
     * Whether count(), asked just before and just after a snapshot, agrees with it: count() is how many
     * dishes are on the board at that instant, so the board cannot have had more before nor fewer after.
     * Null if it does (or a count was not asked: the step failed first).
     */
    static String countsAgree(int before, int snapshot, int after, Lang lang) {
        if (before > snapshot) {
            return lang.pick(
                    String.format(Locale.ROOT, "count() said %d just before a snapshot that shows %d dishes: it "
                            + "counted a dish that was not on the board yet", before, snapshot),
                    String.format(Locale.ROOT, "count() disse %d logo antes de um retrato que mostra %d pratos: "
                            + "contou um prato que ainda não estava no quadro", before, snapshot));
        }
        if (after >= 0 && after < snapshot) {
            return lang.pick(
                    String.format(Locale.ROOT, "count() said %d just after a snapshot that shows %d dishes: a dish "
                            + "already on the board was not counted", after, snapshot),
                    String.format(Locale.ROOT, "count() disse %d logo depois de um retrato que mostra %d pratos: "
                            + "um prato que já estava no quadro não foi contado", after, snapshot));
        }
        return null;
    }

    /** What is wrong with the snapshot the waiter saw ({@code dishes} as it was then). */
    private static List<String> judge(Snapshot seen, List<Dish> dishes, Lang lang) {
        List<String> problems = new ArrayList<>();
        if (seen.count() != dishes.size()) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "the snapshot disagrees with itself: count = %d but %d dishes",
                            seen.count(), dishes.size()),
                    String.format(Locale.ROOT, "o retrato não bate consigo mesmo: count = %d mas %d pratos",
                            seen.count(), dishes.size())));
        }
        Inspection inspection = Inspection.of(dishes, 2);
        boolean before = inspection.kept(1) == 0;
        if (inspection.empty() > 0) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "the snapshot holds %d empty slot(s) (null) among its %d dishes: it "
                            + "showed a place on the board for a dish that was not in it yet", inspection.empty(),
                            inspection.size()),
                    String.format(Locale.ROOT, "o retrato tem %d posição(ões) vazia(s) (null) entre os seus %d "
                            + "pratos: mostrou um lugar no quadro para um prato que ainda não estava nele",
                            inspection.empty(), inspection.size())));
        } else if (inspection.kept(0) != TwoCooks.ON_THE_BOARD || inspection.size() != TwoCooks.ON_THE_BOARD + (before ? 0 : 1)) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "the snapshot's %d dishes were never on the board together "
                            + "(it held %d then %d)", inspection.size(), TwoCooks.ON_THE_BOARD, TwoCooks.ON_THE_BOARD + 1),
                    String.format(Locale.ROOT, "os %d pratos do retrato nunca estiveram juntos no quadro "
                            + "(ele teve %d, depois %d)", inspection.size(), TwoCooks.ON_THE_BOARD, TwoCooks.ON_THE_BOARD + 1)));
        }
        List<Dish> now = new ArrayList<>(seen.dishes());
        if (!now.equals(dishes)) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "the snapshot changed after it was taken: %d dishes when the waiter "
                            + "got it, %d now (is it a view of the live list?)", dishes.size(), now.size()),
                    String.format(Locale.ROOT, "o retrato mudou depois de tirado: %d pratos quando o garçom o "
                            + "recebeu, %d agora (é uma visão da lista viva?)", dishes.size(), now.size())));
        }
        try {
            seen.dishes().add(new Dish(9, 9));
            problems.add(lang.pick("the snapshot's list can be changed by whoever reads it",
                    "a lista do retrato pode ser alterada por quem a lê"));
        } catch (UnsupportedOperationException expected) {
            // An unmodifiable copy: as it should be.
        }
        return problems;
    }
}
