package orders;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import kitchen.grading.Lang;
import kitchen.results.Dish;

/**
 * What a list of dishes holds, cook by cook: which dishes are there, which twice, empty slots ({@code null}),
 * dishes no cook made, and "gaps" (a cook's dish #5 is there but #3 is not: each cook adds in order, so
 * such a list was never the board at any one instant).
 */
final class Inspection {

    private final BitSet[] present;
    private int empty;
    private int twice;
    private int strangers;
    private final int size;

    private Inspection(List<Dish> dishes, int cooks) {
        present = new BitSet[cooks];
        for (int c = 0; c < cooks; c++) {
            present[c] = new BitSet();
        }
        int n = 0;
        for (Dish dish : dishes) {
            n++;
            if (dish == null) {
                empty++;
            } else if (dish.cook() < 0 || dish.cook() >= cooks || dish.number() < 0) {
                strangers++;
            } else if (present[dish.cook()].get(dish.number())) {
                twice++;
            } else {
                present[dish.cook()].set(dish.number());
            }
        }
        size = n;
    }

    /** Reads {@code dishes} once (it may throw if it is a live list that changes meanwhile). */
    static Inspection of(List<Dish> dishes, int cooks) {
        return new Inspection(dishes, cooks);
    }

    /** How many different dishes of {@code cook} are there. */
    int kept(int cook) {
        return present[cook].cardinality();
    }

    int kept() {
        int total = 0;
        for (BitSet cook : present) {
            total += cook.cardinality();
        }
        return total;
    }

    int size() {
        return size;
    }

    int empty() {
        return empty;
    }

    int twice() {
        return twice;
    }

    int strangers() {
        return strangers;
    }

    /** How many of the dishes each cook added ({@code added[c]} of cook c, numbered from 0) are not there. */
    int missing(int[] added) {
        int missing = 0;
        for (int c = 0; c < present.length; c++) {
            missing += added[c] - present[c].get(0, added[c]).cardinality();
        }
        return missing;
    }

    /** Up to {@code limit} of the missing dishes, e.g. "cook 2 #17, cook 0 #3". */
    String someMissing(int[] added, int limit) {
        List<String> some = new ArrayList<>();
        for (int c = 0; c < present.length && some.size() < limit; c++) {
            for (int n = present[c].nextClearBit(0); n < added[c] && some.size() < limit; n = present[c].nextClearBit(n + 1)) {
                some.add(new Dish(c, n).toString());
            }
        }
        return String.join(", ", some);
    }

    /** A cook whose dishes have a gap, described, or null if every cook's dishes are #0, #1… without a gap. */
    String gap() {
        for (int c = 0; c < present.length; c++) {
            int firstMissing = present[c].nextClearBit(0);
            int later = present[c].nextSetBit(firstMissing);
            if (later >= 0) {
                return Lang.current().pick(
                        String.format(Locale.ROOT, "%s is there but %s is not", new Dish(c, later), new Dish(c, firstMissing)),
                        String.format(Locale.ROOT, "%s está lá mas %s não", new Dish(c, later), new Dish(c, firstMissing)));
            }
        }
        return null;
    }
}
