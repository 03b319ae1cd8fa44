package bank;

import java.util.Arrays;
import java.util.Comparator;
import kitchen.bank.Account;
import kitchen.bank.InsufficientFunds;

/**
 * A teller who moves money between accounts while other tellers, on other threads, move money between the
 * same accounts, in any direction. Each account is guarded by its own lock ({@link Account#lock()}), and
 * its balance changes only in the hands of the thread that holds that lock: the account checks.
 */
public class Teller {

    /**
     * The one global order every teller uses: the higher account number first. Any fixed order works as
     * long as all threads use the same one; numbers are unique, so two different accounts never tie.
     */
    private static final Comparator<Account> LOCK_ORDER =
            Comparator.comparingLong(Account::number).reversed();

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
        // Sort the two accounts by the rule, not by the argument order, so A→B and B→A lock alike.
        Account[] accounts = {from, to};
        Arrays.sort(accounts, LOCK_ORDER);
        int locked = 0;
        try {
            for (Account account : accounts) {
                // For a transfer to itself this takes the same reentrant lock twice, which is fine.
                account.lock().lock();
                locked++;
            }
            // Both held from before the withdrawal until after the deposit: nobody sees money in flight.
            from.withdraw(amount);
            to.deposit(amount);
        } finally {
            // Unlock, in reverse order, exactly the locks taken, also when withdraw throws InsufficientFunds.
            for (int i = locked - 1; i >= 0; i--) {
                accounts[i].lock().unlock();
            }
        }
    }
}
