package bank;

import kitchen.bank.Account;
import kitchen.bank.InsufficientFunds;
import kitchen.grading.Todo;

/**
 * A teller who moves money between accounts while other tellers, on other threads, move money between the
 * same accounts, in any direction. Each account is guarded by its own lock ({@link Account#lock()}), and
 * its balance changes only in the hands of the thread that holds that lock: the account checks.
 */
public class Teller {

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
        throw Todo.task(1, "Teller.transfer");
    }
}
