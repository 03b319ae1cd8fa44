package orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kitchen.grading.Lang;
import kitchen.results.Dish;
import kitchen.results.Scene;
import kitchen.results.Snapshot;

/**
 * Two cooks add one dish each to a board that already holds 41, for {@link kitchen.results.SlowMotion}:
 * in each take one cook is paused just before one of its reads or writes while the other adds. Whatever
 * the pause, the board must end with 43 dishes, each once, and count 43.
 */
public final class TwoCooks implements Scene<TwoCooks.Table> {

    /** Dishes of cook 0 already on the board when the two cooks (1 and 2) add theirs. */
    static final int ON_THE_BOARD = 41;

    /** What the cooks share: its field names the board in the story ("board.count"). */
    public static final class Table {
        final OrderBoard board;

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
        return Lang.current().pick("cook 2", "cozinheiro 2");
    }

    @Override
    public Table setUp() {
        return new Table(boardWithDishes());
    }

    /** A new board with {@link #ON_THE_BOARD} dishes of cook 0 on it. */
    static OrderBoard boardWithDishes() {
        OrderBoard board = new OrderBoard();
        for (int n = 0; n < ON_THE_BOARD; n++) {
            board.add(new Dish(0, n));
        }
        return board;
    }

    @Override
    public void first(Table table) {
        table.board.add(new Dish(1, 0));
    }

    @Override
    public void second(Table table) {
        table.board.add(new Dish(2, 0));
    }

    @Override
    public String verdict(Table table, Throwable firstFailure, Throwable secondFailure) {
        Lang lang = Lang.current();
        List<String> problems = new ArrayList<>();
        for (Throwable failure : new Throwable[] {firstFailure, secondFailure}) {
            if (failure != null) {
                problems.add(lang.pick("add() threw " + failure + " while the other cook was adding",
                        "add() lançou " + failure + " enquanto o outro cozinheiro anotava"));
            }
        }
        int adds = ON_THE_BOARD + 2;
        int count = table.board.count();
        if (count < adds) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "count() = %d after %d adds: an add was lost", count, adds),
                    String.format(Locale.ROOT, "count() = %d depois de %d anotações: uma anotação se perdeu", count, adds)));
        } else if (count > adds) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "count() = %d after %d adds: an add was counted twice", count, adds),
                    String.format(Locale.ROOT, "count() = %d depois de %d anotações: uma foi contada duas vezes", count, adds)));
        }
        Snapshot snapshot;
        try {
            snapshot = table.board.snapshot();
        } catch (RuntimeException e) {
            problems.add(lang.pick("snapshot() threw " + e + " after both adds",
                    "snapshot() lançou " + e + " depois das duas anotações"));
            return String.join("; ", problems);
        }
        int[] added = {ON_THE_BOARD, 1, 1};
        Inspection board = Inspection.of(snapshot.dishes(), added.length);
        int missing = board.missing(added);
        if (missing > 0) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "the board keeps %d of its %d dishes: %s was lost", board.kept(), adds,
                            board.someMissing(added, 2)),
                    String.format(Locale.ROOT, "o quadro guarda %d dos seus %d pratos: %s se perdeu", board.kept(), adds,
                            board.someMissing(added, 2))));
        }
        if (board.twice() > 0 || board.empty() > 0) {
            problems.add(lang.pick(
                    String.format(Locale.ROOT, "the board's list holds %d dishes twice and %d empty slots (null)",
                            board.twice(), board.empty()),
                    String.format(Locale.ROOT, "a lista do quadro tem %d pratos repetidos e %d posições vazias (null)",
                            board.twice(), board.empty())));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
