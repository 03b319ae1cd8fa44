package kitchen.bank;

import kitchen.grading.Lang;
import kitchen.locks.KitchenLock;
import kitchen.locks.WaitFor;

/**
 * A bank account guarded by its own {@link KitchenLock}. Its balance changes only through
 * {@link #withdraw} and {@link #deposit}, and only in the hands of the thread that holds {@link #lock()}:
 * the account checks, and refuses a change made without it.
 *
 * <pre>{@code
 * Account ana = bank.open("Ana", 100);
 * ana.lock().lock();
 * try {
 *     ana.withdraw(30);
 * } finally {
 *     ana.lock().unlock();
 * }
 * }</pre>
 *
 * <p>Every account has a {@link #number()} no other account in this JVM shares. Its owner and its balance
 * are not unique, and nor is its {@link System#identityHashCode identity hash}: two different accounts may
 * look alike in everything but their number (see {@link Bank#openLookalikes}).
 */
public final class Account {

    private final Bank bank;
    private final long number;
    private final String owner;
    private final AccountLock lock;
    // Written only under lock; volatile so a reader without the lock still sees a recent whole value.
    private volatile long balance;

    Account(Bank bank, long number, String owner, long balance) {
        this.bank = bank;
        this.number = number;
        this.owner = owner;
        this.balance = balance;
        this.lock = new AccountLock(bank, Lang.current().pick("account #", "conta #") + number + " (" + owner + ")");
    }

    /** The account's number: no other account in this JVM has the same one. */
    public long number() {
        return number;
    }

    /** Whose account it is; one owner may have several accounts. */
    public String owner() {
        return owner;
    }

    /**
     * The lock that guards this account's balance: hold it to {@link #withdraw} or {@link #deposit}. It
     * is reentrant (the thread that holds it may take it again, and must then unlock it as many times),
     * and it tells {@link WaitFor} who holds it and who waits for it.
     */
    public KitchenLock lock() {
        return lock;
    }

    /** The balance: exact while you hold {@link #lock()}, otherwise a snapshot that may already be old. */
    public long balance() {
        return balance;
    }

    /**
     * Takes {@code amount} out of this account.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws IllegalStateException    if the calling thread does not hold {@link #lock()}
     * @throws InsufficientFunds        if the balance is less than {@code amount}; nothing changes then
     */
    public void withdraw(long amount) {
        requireChangeable(amount, "withdraw");
        if (balance < amount) {
            throw new InsufficientFunds(this, amount);
        }
        bank.auditor().changing(this, -amount);
        balance -= amount;
    }

    /**
     * Puts {@code amount} into this account.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws IllegalStateException    if the calling thread does not hold {@link #lock()}
     */
    public void deposit(long amount) {
        requireChangeable(amount, "deposit");
        long after = Math.addExact(balance, amount);
        bank.auditor().changing(this, amount);
        balance = after;
    }

    private void requireChangeable(long amount, String change) {
        Lang lang = Lang.current();
        if (amount < 0) {
            throw new IllegalArgumentException(lang.pick("cannot " + change + " a negative amount (" + amount + ") on "
                    + this, change + "(" + amount + ") em " + this + ": o valor não pode ser negativo"));
        }
        if (!lock.isHeldByCurrentThread()) {
            Thread holder = WaitFor.holder(lock);
            String me = "\"" + Thread.currentThread().getName() + "\"";
            String other = holder == null ? null : "\"" + holder.getName() + "\"";
            throw new IllegalStateException(lang.pick("thread " + me + " tried to " + change + " " + amount + " on "
                    + this + " without holding its lock (held by " + (other == null ? "nobody" : "thread " + other)
                    + "): a balance changes only in the hands of the thread that holds the account's lock",
                    "a thread " + me + " chamou " + change + "(" + amount + ") em " + this + " sem segurar a trava dela ("
                    + (other == null ? "livre" : "segura pela thread " + other) + "): um saldo só muda nas mãos da "
                    + "thread que segura a trava da conta"));
        }
    }

    /** E.g. {@code account #3 (Ana)}. */
    @Override
    public String toString() {
        return lock.name();
    }
}
