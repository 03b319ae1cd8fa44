package kitchen.results.canary;

import java.util.function.Supplier;
import kitchen.results.Scene;

/** A cook adds to a ledger at 41 while a waiter looks at it: the waiter must see 41 and 41, or 42 and 42. */
abstract class AddAndLook implements Scene<AddAndLook.Table> {

    /** What the cook and the waiter share. */
    static final class Table {
        final Ledger ledger;
        int[] seen;

        Table(Ledger ledger) {
            this.ledger = ledger;
        }
    }

    private final Supplier<Ledger> ledgers;

    AddAndLook(Supplier<Ledger> ledgers) {
        this.ledgers = ledgers;
    }

    @Override
    public String firstName() {
        return "cook A";
    }

    @Override
    public String secondName() {
        return "waiter";
    }

    @Override
    public Table setUp() {
        return new Table(ledgers.get());
    }

    @Override
    public void first(Table table) {
        table.ledger.add();
    }

    @Override
    public void second(Table table) {
        table.seen = table.ledger.look();
    }

    @Override
    public String verdict(Table table, Throwable firstFailure, Throwable secondFailure) {
        int[] seen = table.seen;
        return seen == null || seen[0] == seen[1] ? null : "torn: " + seen[0] + " dishes, " + seen[1] + " counted";
    }

    static final class TwoBlocks extends AddAndLook {
        TwoBlocks() {
            super(TwoBlockLedger::new);
        }
    }

    static final class LockThenAtomic extends AddAndLook {
        LockThenAtomic() {
            super(LockThenAtomicLedger::new);
        }
    }

    static final class SlotArray extends AddAndLook {
        SlotArray() {
            super(SlotArrayLedger::new);
        }
    }

    static final class Atomic extends AddAndLook {
        Atomic() {
            super(AtomicLedger::new);
        }
    }

    static final class OneBlock extends AddAndLook {
        OneBlock() {
            super(OneBlockLedger::new);
        }
    }
}
