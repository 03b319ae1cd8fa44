package kitchen.results.canary;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One atomic is both the dishes and the count: right. Its look fills an array of its own, which nobody else
 * can see yet: the replay does not pause before those stores.
 */
class AtomicLedger implements Ledger {
    private final AtomicInteger dishes = new AtomicInteger(41);

    @Override
    public void add() {
        dishes.incrementAndGet();
    }

    @Override
    public int[] look() {
        int now = dishes.get();
        int[] seen = new int[2];
        seen[0] = now;
        seen[1] = now;
        return seen;
    }
}
