package kitchen.results.canary;

import java.util.concurrent.atomic.AtomicInteger;

/** The dish under a lock, the count an atomic bumped after the lock is let go. */
class LockThenAtomicLedger implements Ledger {
    private final Object lock = new Object();
    private final int[] dishes = {41};
    private final AtomicInteger counted = new AtomicInteger(41);

    @Override
    public void add() {
        synchronized (lock) {
            dishes[0]++;
        }
        counted.incrementAndGet();
    }

    @Override
    public int[] look() {
        synchronized (lock) {
            return new int[] {dishes[0], counted.get()};
        }
    }
}
