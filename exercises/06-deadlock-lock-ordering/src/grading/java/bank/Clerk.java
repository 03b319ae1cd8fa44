package bank;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import kitchen.locks.KitchenLock;
import kitchen.locks.WaitFor;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Asks a {@link Teller} for some {@link Move}s, one after another, on a thread of its own: a daemon platform
 * thread or a virtual thread. A clerk that deadlocks is simply abandoned (nothing can wake a thread blocked
 * in {@code lock()}), and the JVM, and the next test, go on without it.
 */
final class Clerk {

    /** What {@link #watch} saw: everyone finished, or a deadlock among the clerks, or neither in time. */
    record Outcome(List<Clerk> clerks, String deadlock, Duration waited) {

        boolean deadlocked() {
            return !deadlock.isEmpty();
        }

        boolean allFinished() {
            return clerks.stream().allMatch(Clerk::finished);
        }

        /** The clerks that are still inside a transfer, and what each waits for. */
        String stillRunning() {
            return clerks.stream().filter(c -> !c.finished()).map(Clerk::describe).collect(Collectors.joining("\n"));
        }
    }

    private static final ThreadLocal<Move> CURRENT = new ThreadLocal<>();
    /** A deadlock must still be there this much later before it counts: never judge a passing moment. */
    private static final Duration DEADLOCK_CONFIRMATION = Duration.ofMillis(100);

    private final String name;
    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Move moving;
    private volatile Move failedMove;
    private volatile Throwable failure;

    private Clerk(String name, boolean virtual, Teller teller, List<Move> moves) {
        this.name = name;
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        this.thread = builder.name(name).unstarted(() -> work(teller, moves));
    }

    /** A clerk on a thread named {@code name}, not started yet (so a standoff can name its thread first). */
    static Clerk of(String name, boolean virtual, Teller teller, List<Move> moves) {
        return new Clerk(name, virtual, teller, List.copyOf(moves));
    }

    static Clerk of(String name, boolean virtual, Teller teller, Move move) {
        return of(name, virtual, teller, List.of(move));
    }

    /** The move the calling thread's clerk is making right now, or null outside a clerk's transfer. */
    static Move current() {
        return CURRENT.get();
    }

    private void work(Teller teller, List<Move> moves) {
        try {
            for (Move move : moves) {
                moving = move;
                CURRENT.set(move);
                try {
                    teller.transfer(move.from(), move.to(), move.amount());
                } catch (Throwable t) {
                    failedMove = move;
                    failure = t;
                    return;
                } finally {
                    CURRENT.remove();
                }
            }
        } finally {
            finished.countDown();
        }
    }

    Clerk start() {
        thread.start();
        return this;
    }

    Thread thread() {
        return thread;
    }

    String name() {
        return name;
    }

    boolean finished() {
        return finished.getCount() == 0;
    }

    /** What the teller threw, or null. */
    Throwable failure() {
        return failure;
    }

    /** The move during which the teller threw, or null. */
    Move failedMove() {
        return failedMove;
    }

    private String describe() {
        KitchenLock wanted = WaitFor.awaited(thread);
        return "thread \"" + name + "\" (" + thread.getState() + "): "
                + (moving == null ? "no transfer started yet" : "transfer " + moving)
                + (wanted == null ? "" : ", waits for " + wanted);
    }

    /**
     * Starts every clerk and waits, at most {@code atMost}, until all have finished or some of them are
     * deadlocked among the kitchen's locks.
     */
    static Outcome watch(Duration atMost, List<Clerk> clerks) {
        long start = System.nanoTime();
        clerks.forEach(Clerk::start);
        long[] deadlockSeenAt = {-1};
        try {
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(atMost).until(() -> {
                if (clerks.stream().allMatch(Clerk::finished)) {
                    return true;
                }
                if (!deadlocked(clerks)) {
                    deadlockSeenAt[0] = -1;
                    return false;
                }
                long now = System.nanoTime();
                if (deadlockSeenAt[0] < 0) {
                    deadlockSeenAt[0] = now;
                }
                return now - deadlockSeenAt[0] >= DEADLOCK_CONFIRMATION.toNanos();
            });
        } catch (ConditionTimeoutException e) {
            // Neither finished nor deadlocked in time: the outcome says so.
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        boolean allDone = clerks.stream().allMatch(Clerk::finished);
        return new Outcome(clerks, allDone || !deadlocked(clerks) ? "" : cycles(clerks), waited);
    }

    /**
     * True if a clerk waits, through a chain of holders and waiters, for a lock held by a thread of that chain,
     * and no thread of the cycle waits with a timeout (a timed tryLock gives up by itself: not a deadlock).
     */
    private static boolean deadlocked(List<Clerk> clerks) {
        for (Clerk clerk : clerks) {
            if (clerk.finished()) {
                continue;
            }
            Set<Thread> chain = new HashSet<>();
            Thread t = clerk.thread;
            while (t != null && chain.add(t)) {
                t = holderOfWhatItAwaits(t);
            }
            if (t != null && waitsForever(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean waitsForever(Thread inCycle) {
        Thread t = inCycle;
        do {
            if (t.getState() == Thread.State.TIMED_WAITING) {
                return false;
            }
            t = holderOfWhatItAwaits(t);
        } while (t != null && t != inCycle);
        return t == inCycle;
    }

    private static Thread holderOfWhatItAwaits(Thread t) {
        KitchenLock wanted = WaitFor.awaited(t);
        return wanted == null ? null : WaitFor.holder(wanted);
    }

    /** The kitchen's own description of the cycles these clerks are in (earlier tests' may be there too). */
    private static String cycles(List<Clerk> clerks) {
        List<String> ours = WaitFor.cycles().stream()
                .filter(cycle -> clerks.stream().anyMatch(c -> cycle.contains("thread \"" + c.name + "\"")))
                .distinct().toList();
        return ours.isEmpty() ? "deadlock: the clerks wait for each other's locks" : String.join("\n", ours);
    }
}
