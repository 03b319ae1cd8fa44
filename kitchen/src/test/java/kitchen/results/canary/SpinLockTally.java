package kitchen.results.canary;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Safe, but a cook that waits for the lock keeps running (yielding, to spare a busy machine): the replay must
 * not wait for it forever.
 */
class SpinLockTally implements Tally {
    private final AtomicBoolean locked = new AtomicBoolean();
    private int count = 41;

    @Override
    public void add() {
        while (!locked.compareAndSet(false, true)) {
            Thread.yield();
        }
        try {
            count++;
        } finally {
            locked.set(false);
        }
    }

    @Override
    public int count() {
        return count;
    }
}
