package kitchen.bank;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import kitchen.locks.KitchenLock;
import kitchen.locks.WaitFor;

/**
 * Forces the worst interleaving of two threads that each lock two accounts of a {@link Bank}: each thread
 * is paused right after it takes its first account lock, until the other thread has taken its own first
 * lock too. Two transfers that lock their accounts in opposite orders then each hold one account and wait
 * for the other one: a deadlock every time, instead of once in a while.
 *
 * <pre>{@code
 * Thread ab = Thread.ofPlatform().daemon().unstarted(() -> teller.transfer(a, b, 30));
 * Thread ba = Thread.ofPlatform().daemon().unstarted(() -> teller.transfer(b, a, 20));
 * bank.forcing(new Standoff(ab, ba, Duration.ofSeconds(3)));
 * ab.start();
 * ba.start();
 * }</pre>
 *
 * <p>Code that takes locks in one global order is never held up: its second thread wants the very lock the
 * first one holds, and a pause ends as soon as the other thread waits for a kitchen lock the paused thread
 * holds. A pause also ends when the other thread has ended, when it has sat blocked outside the kitchen's
 * locks (a lock or monitor of the caller's own) for a tenth of {@code atMost}, and at the latest after
 * {@code atMost}. Only the first crossing is forced: once one pause has ended, later locks are taken
 * without any.
 */
public final class Standoff {

    private static final long POLL_NANOS = 200_000;

    private final Thread first;
    private final Thread second;
    private final long atMostNanos;
    private final long settleNanos;
    private final Set<Thread> arrived = ConcurrentHashMap.newKeySet();
    private volatile boolean over;

    /**
     * @param first  one of the two threads to pause (created, not necessarily started yet)
     * @param second the other one
     * @param atMost the longest any pause lasts
     */
    public Standoff(Thread first, Thread second, Duration atMost) {
        this.first = Objects.requireNonNull(first, "first");
        this.second = Objects.requireNonNull(second, "second");
        if (first == second) {
            throw new IllegalArgumentException("a standoff needs two different threads");
        }
        this.atMostNanos = atMost.toNanos();
        this.settleNanos = atMostNanos / 10;
    }

    /** Called by the thread that has just taken an account lock it did not hold yet. */
    void tookLock() {
        Thread me = Thread.currentThread();
        Thread other = me == first ? second : me == second ? first : null;
        if (other == null || over) {
            return;
        }
        arrived.add(me);
        long start = System.nanoTime();
        long blockedSince = -1;
        while (!over && !me.isInterrupted()) {
            if (arrived.contains(other) || waitsForALockOf(other, me)) {
                break;
            }
            Thread.State state = other.getState();
            long now = System.nanoTime();
            if (state == Thread.State.TERMINATED || now - start >= atMostNanos) {
                break;
            }
            if (blockedOutsideTheKitchen(other, state)) {
                if (blockedSince < 0) {
                    blockedSince = now;
                } else if (now - blockedSince >= settleNanos) {
                    break;
                }
            } else {
                blockedSince = -1;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        over = true;
    }

    private static boolean waitsForALockOf(Thread waiter, Thread holder) {
        KitchenLock wanted = WaitFor.awaited(waiter);
        return wanted != null && WaitFor.holder(wanted) == holder;
    }

    private static boolean blockedOutsideTheKitchen(Thread t, Thread.State state) {
        return WaitFor.awaited(t) == null
                && (state == Thread.State.BLOCKED || state == Thread.State.WAITING
                        || state == Thread.State.TIMED_WAITING);
    }
}
