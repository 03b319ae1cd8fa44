package kitchen.results.canary;

import java.util.concurrent.locks.ReentrantLock;

class LockedTally implements Tally {
    private final ReentrantLock lock = new ReentrantLock();
    private int count = 41;

    @Override
    public void add() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
