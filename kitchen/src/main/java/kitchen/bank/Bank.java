package kitchen.bank;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import kitchen.trace.Journal;

/**
 * Opens {@link Account}s and watches them: every time a thread holds an account's lock is a span of the
 * {@link #journal()} ("account #1 (Ana)" held by which thread, from when to when), so a test can draw what
 * the threads did as a {@link kitchen.trace.Timeline}.
 *
 * <p>Student code only receives accounts. The graded tests also use the rest: {@link #forcing} makes two
 * threads cross in the worst order ({@link Standoff}), {@link #audited} sees every change of a balance on
 * the thread that makes it, and {@link #openLookalikes} opens two accounts that only their numbers tell
 * apart.
 */
public final class Bank {

    /**
     * Sees every change of a balance, on the thread that makes it, while that thread holds the account's
     * lock and before the balance changes. It may wait (e.g. at a {@link kitchen.trace.Rendezvous}).
     */
    @FunctionalInterface
    public interface Auditor {
        void changing(Account account, long delta);
    }

    private static final Auditor NOBODY = (account, delta) -> {
    };
    /** More than enough: two of about 60 000 fresh objects share an identity hash, on average. */
    private static final int LOOKALIKE_CANDIDATES = 2_000_000;
    // Numbers are unique in the whole JVM, so an order by number holds even across banks.
    private static final AtomicLong NUMBERS = new AtomicLong();

    private final Journal journal = new Journal();
    private volatile Standoff standoff;
    private volatile Auditor auditor = NOBODY;

    /** Opens an account for {@code owner} with {@code balance} in it. */
    public Account open(String owner, long balance) {
        Objects.requireNonNull(owner, "owner");
        if (balance < 0) {
            throw new IllegalArgumentException("an account opens with a balance of 0 or more, not " + balance);
        }
        return new Account(this, NUMBERS.incrementAndGet(), owner, balance);
    }

    /**
     * Opens two accounts that look alike in everything but their {@link Account#number() numbers}: the
     * same owner, the same balance and the same {@link System#identityHashCode} (so the same
     * {@code hashCode()} too). It opens accounts until two collide, so the numbers are far apart.
     *
     * @throws IllegalStateException in the unlikely case that no two of many accounts collided
     */
    public List<Account> openLookalikes(String owner, long balance) {
        Map<Integer, Account> byHash = new HashMap<>();
        for (int i = 0; i < LOOKALIKE_CANDIDATES; i++) {
            Account candidate = open(owner, balance);
            Account twin = byHash.putIfAbsent(System.identityHashCode(candidate), candidate);
            if (twin != null) {
                return List.of(twin, candidate);
            }
        }
        throw new IllegalStateException("no two of " + LOOKALIKE_CANDIDATES + " accounts shared an identity hash");
    }

    /** From now on, {@code standoff} pauses its two threads after the first account lock each takes. */
    public Bank forcing(Standoff standoff) {
        this.standoff = Objects.requireNonNull(standoff, "standoff");
        return this;
    }

    /** From now on, {@code auditor} sees every change of a balance in this bank's accounts. */
    public Bank audited(Auditor auditor) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        return this;
    }

    /** Every time a thread held one of this bank's account locks, as a span named after the account. */
    public Journal journal() {
        return journal;
    }

    Standoff standoff() {
        return standoff;
    }

    Auditor auditor() {
        return auditor;
    }
}
