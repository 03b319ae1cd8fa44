package bank;

import kitchen.bank.Account;
import kitchen.bank.InsufficientFunds;

/**
 * A teller who moves money between accounts while other tellers, on other threads, move money between the
 * same accounts, in any direction. Each account is guarded by its own lock ({@link Account#lock()}), and
 * its balance changes only in the hands of the thread that holds that lock: the account checks.
 */
public class Teller {

    /**
     * Taken only when two different accounts have the same identity hash, so the hash cannot say which one
     * comes first. Static: every teller must wait for the same tie-breaker, or it breaks no tie.
     */
    private static final Object TIE_LOCK = new Object();

    /**
     * Moves {@code amount} from {@code from} to {@code to}.
     *
     * <ul>
     *   <li>Task 1. The move is one step: the transfer holds both accounts' locks from before it withdraws
     *       until after it deposits, so nobody ever sees the money gone from one account and not yet in the
     *       other. If {@code from} has less than {@code amount}, the transfer throws the
     *       {@link InsufficientFunds} that {@link Account#withdraw} throws, no balance changes, and both
     *       locks are free again afterwards.
     *   <li>Task 2. It never deadlocks, whatever other transfers run at the same time between the same
     *       accounts, in either direction, on platform or virtual threads; also between two accounts that
     *       look alike in everything but their {@link Account#number() numbers}. {@code from} and
     *       {@code to} may be the same account: that transfer leaves the balance as it was, and is refused
     *       like any other (it throws {@link InsufficientFunds}) when the account has less than {@code amount}.
     *   <li>Task 3. It holds only the two accounts it needs: transfers between other accounts go on at the
     *       same time.
     * </ul>
     *
     * @throws InsufficientFunds if {@code from} has less than {@code amount}
     */
    public void transfer(Account from, Account to, long amount) {
        // The global order: the account with the smaller System.identityHashCode is locked first. Every
        // thread computes the same hash for the same account, so all agree on the order whatever the
        // direction of the transfer.
        int fromHash = System.identityHashCode(from);
        int toHash = System.identityHashCode(to);
        if (fromHash < toHash) {
            lockBothAndMove(from, to, from, to, amount);
        } else if (fromHash > toHash) {
            lockBothAndMove(to, from, from, to, amount);
        } else {
            // A tie: two accounts may share an identity hash, and then "first" means nothing. Whoever holds
            // the tie lock is the only one locking a tied pair, so the order inside cannot cross with anyone.
            // (A transfer to itself lands here too: the reentrant lock is simply taken twice.)
            synchronized (TIE_LOCK) {
                lockBothAndMove(from, to, from, to, amount);
            }
        }
    }

    /** Locks {@code first} then {@code second}, moves the money, and unlocks both even when it throws. */
    private static void lockBothAndMove(Account first, Account second, Account from, Account to, long amount) {
        first.lock().lock();
        try {
            second.lock().lock();
            try {
                // Both locks held from before the withdrawal until after the deposit: never in flight. If
                // withdraw throws InsufficientFunds, nothing changed and the finally blocks free both locks.
                from.withdraw(amount);
                to.deposit(amount);
            } finally {
                second.lock().unlock();
            }
        } finally {
            first.lock().unlock();
        }
    }
}
