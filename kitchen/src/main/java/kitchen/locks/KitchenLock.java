package kitchen.locks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A named, reentrant lock that reports who holds it and who waits for it to {@link WaitFor}, so a
 * deadlock can be drawn as a cycle for platform <em>and</em> virtual threads alike ({@code ThreadMXBean}
 * does not see deadlocked virtual threads). Student code uses it like any {@link Lock}.
 */
public class KitchenLock implements Lock {

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();

    public KitchenLock(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public void lock() {
        WaitFor.waiting(this);
        try {
            lock.lock();
        } finally {
            WaitFor.stoppedWaiting(this);
        }
        WaitFor.acquired(this);
        afterAcquire();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        WaitFor.waiting(this);
        try {
            lock.lockInterruptibly();
        } finally {
            WaitFor.stoppedWaiting(this);
        }
        WaitFor.acquired(this);
        afterAcquire();
    }

    @Override
    public boolean tryLock() {
        boolean got = lock.tryLock();
        if (got) {
            WaitFor.acquired(this);
            afterAcquire();
        }
        return got;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        WaitFor.waiting(this);
        boolean got;
        try {
            got = lock.tryLock(time, unit);
        } finally {
            WaitFor.stoppedWaiting(this);
        }
        if (got) {
            WaitFor.acquired(this);
            afterAcquire();
        }
        return got;
    }

    /**
     * Called by the thread that just acquired this lock, while it holds it. A no-op here; the kit's
     * graded tests override it to force an interleaving (e.g. pause until another thread holds its own
     * first lock, so opposite-order locking deadlocks every time instead of once in a while).
     */
    protected void afterAcquire() {
    }

    @Override
    public void unlock() {
        lock.unlock();
        if (!lock.isHeldByCurrentThread()) {
            WaitFor.released(this);
        }
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("the kitchen's locks have no conditions");
    }

    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** How many times the current thread holds this lock (0 if it does not). */
    public int holdCount() {
        return lock.getHoldCount();
    }

    public boolean isLocked() {
        return lock.isLocked();
    }

    @Override
    public String toString() {
        return name;
    }
}
