package kitchen.results.canary;

import java.util.concurrent.atomic.AtomicInteger;

class AtomicTally implements Tally {
    private final AtomicInteger count = new AtomicInteger(41);

    @Override
    public void add() {
        count.incrementAndGet();
    }

    @Override
    public int count() {
        return count.get();
    }
}
