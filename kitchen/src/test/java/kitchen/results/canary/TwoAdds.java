package kitchen.results.canary;

import java.util.function.Supplier;
import kitchen.results.Scene;

/** Two cooks each add one to a tally that already counts 41. */
abstract class TwoAdds implements Scene<TwoAdds.Table> {

    /** What the cooks share; its field names the tally in the story. */
    static final class Table {
        final Tally tally;

        Table(Tally tally) {
            this.tally = tally;
        }
    }

    private final Supplier<Tally> tallies;

    TwoAdds(Supplier<Tally> tallies) {
        this.tallies = tallies;
    }

    @Override
    public String firstName() {
        return "cook A";
    }

    @Override
    public String secondName() {
        return "cook B";
    }

    @Override
    public Table setUp() {
        return new Table(tallies.get());
    }

    @Override
    public void first(Table table) {
        table.tally.add();
    }

    @Override
    public void second(Table table) {
        table.tally.add();
    }

    @Override
    public String verdict(Table table, Throwable firstFailure, Throwable secondFailure) {
        int lost = 43 - table.tally.count();
        return lost == 0 ? null : "count() = " + table.tally.count() + " after 2 adds to 41: " + lost + " add lost";
    }

    static final class Plain extends TwoAdds {
        Plain() {
            super(PlainTally::new);
        }
    }

    static final class Synchronized extends TwoAdds {
        Synchronized() {
            super(SynchronizedTally::new);
        }
    }

    static final class Locked extends TwoAdds {
        Locked() {
            super(LockedTally::new);
        }
    }

    static final class SpinLocked extends TwoAdds {
        SpinLocked() {
            super(SpinLockTally::new);
        }
    }

    static final class Stuck extends TwoAdds {
        Stuck() {
            super(StuckTally::new);
        }
    }

    static final class Atomic extends TwoAdds {
        Atomic() {
            super(AtomicTally::new);
        }
    }
}
