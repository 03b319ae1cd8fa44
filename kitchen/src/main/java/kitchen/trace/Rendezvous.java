package kitchen.trace;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A meeting point inside a kit collaborator that only concurrent callers can reach: it opens when
 * {@code parties} callers are inside it <em>at the same time</em>. Code that does one thing after another
 * can never get there, which is how the kit proves overlap without trusting a clock.
 *
 * <p>A caller that waits longer than the timeout breaks the rendezvous: it and every later caller go on
 * at once, and {@link #met()} stays false, so a wrong submission fails fast instead of timing out.
 */
public final class Rendezvous {

    private final int parties;
    private final Duration timeout;
    private final CountDownLatch open;
    /** Every arrival so far: the one that makes it {@code parties} is the one that completes the meeting. */
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile boolean broken;

    public Rendezvous(int parties, Duration timeout) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, was " + parties);
        }
        this.parties = parties;
        this.timeout = timeout;
        this.open = new CountDownLatch(parties);
    }

    /**
     * Enters, and waits until everyone is inside or the timeout breaks the meeting.
     *
     * @return true if every party was inside at once
     */
    public boolean arriveAndAwait() throws InterruptedException {
        enter();
        try {
            if (broken) {
                return false;
            }
            arrivals.incrementAndGet();
            open.countDown();
            if (open.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return !broken;
            }
            breakNow();
            return false;
        } finally {
            inside.decrementAndGet();
        }
    }

    /**
     * Registers an arrival without waiting, for one-thread (non-blocking) callers. Arrivals count as
     * "inside" until {@link #leave()}.
     *
     * @return true if this arrival is the one that completes the meeting: exactly one caller, however many
     *     race here or arrive after it
     */
    public boolean arrive() {
        enter();
        if (broken) {
            return false;
        }
        // Not "count is zero now": two racing callers could both see that, and so could every late one.
        boolean last = arrivals.incrementAndGet() == parties;
        open.countDown();
        return last && !broken;
    }

    /** The counterpart of {@link #arrive()}. */
    public void leave() {
        inside.decrementAndGet();
    }

    /** Breaks the meeting now: waiters and later arrivals go on without it. */
    public void breakNow() {
        broken = true;
        while (open.getCount() > 0) {
            open.countDown();
        }
    }

    private void enter() {
        int now = inside.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    public boolean met() {
        return open.getCount() == 0 && !broken;
    }

    public boolean broken() {
        return broken;
    }

    /** The most callers that were inside at one instant. */
    public int peak() {
        return peak.get();
    }

    public int parties() {
        return parties;
    }

    public Duration timeout() {
        return timeout;
    }
}
