package kitchen.bank;

import kitchen.locks.KitchenLock;
import kitchen.trace.Journal;

/** An account's lock: records each hold in the bank's journal and lets the bank's standoff pause the holder. */
final class AccountLock extends KitchenLock {

    private final Bank bank;
    // Written and read only by the thread that holds this lock.
    private Journal.Span hold;

    AccountLock(Bank bank, String name) {
        super(name);
        this.bank = bank;
    }

    @Override
    protected void afterAcquire() {
        if (holdCount() > 1) {
            return;
        }
        hold = bank.journal().begin(name());
        Standoff standoff = bank.standoff();
        if (standoff != null) {
            standoff.tookLock();
        }
    }

    @Override
    public void unlock() {
        Journal.Span span = hold;
        boolean last = holdCount() == 1;
        super.unlock();
        if (last) {
            bank.journal().end(span, "done");
        }
    }
}
