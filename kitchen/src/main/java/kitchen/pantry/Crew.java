package kitchen.pantry;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who works at one kitchen station (the pantry, the oven): how many callers are inside right now, the most
 * that were inside at once, and the threads that did the work. The threads are kept so a test can check that
 * none is left running after the kitchen closed. The station calls {@link #clockIn()} and {@link #clockOut()};
 * student code only reads.
 */
public final class Crew {

    private final AtomicInteger working = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    /** The calling thread starts working here. */
    public void clockIn() {
        threads.add(Thread.currentThread());
        peak.accumulateAndGet(working.incrementAndGet(), Math::max);
    }

    /** The calling thread is done here (call once per {@link #clockIn()}, in a finally block). */
    public void clockOut() {
        working.decrementAndGet();
    }

    /** How many callers are inside right now. */
    public int working() {
        return working.get();
    }

    /** The most callers that were inside at one instant. */
    public int peak() {
        return peak.get();
    }

    /**
     * The threads that worked here and are still alive. Workers of the JDK's shared
     * {@link ForkJoinPool#commonPool()} are left out: nobody may shut that pool, and it retires its idle
     * threads by itself.
     */
    public List<Thread> stillAlive() {
        return threads.stream()
                .filter(Thread::isAlive)
                .filter(t -> !(t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()))
                .toList();
    }
}
