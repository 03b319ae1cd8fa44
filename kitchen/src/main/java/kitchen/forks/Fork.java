package kitchen.forks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kitchen.locks.KitchenLock;

/**
 * One fork on a {@link Table}: a {@link KitchenLock} (a reentrant {@link java.util.concurrent.locks.Lock})
 * that also tells its table every time someone asks for it, how long they were ready to wait and how it
 * ended, and when it was picked up and put down. Use it like any {@code Lock}:
 *
 * <pre>{@code
 * if (fork.tryLock(50, TimeUnit.MILLISECONDS)) {   // waits at most 50 ms
 *     try {
 *         ...                                      // the fork is in your hand
 *     } finally {
 *         fork.unlock();                           // put it back down
 *     }
 * } else {
 *     ...                                          // 50 ms passed and someone else still has it
 * }
 * }</pre>
 *
 * <p>{@link #lock()} waits as long as it takes, even forever; {@link #tryLock()} does not wait at all;
 * {@link #tryLock(long, TimeUnit)} waits at most the given time and says whether you got the fork.
 */
public final class Fork extends KitchenLock {

    private final Table table;

    Fork(Table table, String name) {
        super(name);
        this.table = table;
    }

    @Override
    public void lock() {
        Table.Wait wait = table.startWaiting(this, null);
        try {
            super.lock();
        } finally {
            table.stopWaiting(wait, Table.Outcome.GOT_IT);
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        Table.Wait wait = table.startWaiting(this, null);
        Table.Outcome outcome = Table.Outcome.INTERRUPTED;
        try {
            super.lockInterruptibly();
            outcome = Table.Outcome.GOT_IT;
        } finally {
            table.stopWaiting(wait, outcome);
        }
    }

    @Override
    public boolean tryLock() {
        Table.Wait wait = table.startWaiting(this, Duration.ZERO);
        boolean got = false;
        try {
            got = super.tryLock();
            return got;
        } finally {
            table.stopWaiting(wait, got ? Table.Outcome.GOT_IT : Table.Outcome.GAVE_UP);
        }
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        Table.Wait wait = table.startWaiting(this, Duration.of(Math.max(0, time), unit.toChronoUnit()));
        Table.Outcome outcome = Table.Outcome.INTERRUPTED;
        try {
            boolean got = super.tryLock(time, unit);
            outcome = got ? Table.Outcome.GOT_IT : Table.Outcome.GAVE_UP;
            return got;
        } finally {
            table.stopWaiting(wait, outcome);
        }
    }

    /** Runs in the picking-up thread while it holds the fork: the table records it (and may pause it). */
    @Override
    protected void afterAcquire() {
        if (holdCount() == 1) {
            table.pickedUp(this);
        }
    }

    @Override
    public void unlock() {
        // Recorded before the release: once released, another thread's pick-up may already be recorded.
        if (holdCount() == 1) {
            table.putDown(this);
        }
        super.unlock();
    }
}
