package kitchen.bank;

import kitchen.grading.Lang;

/** An account had less money than a withdrawal asked for; the balance stayed as it was. */
public final class InsufficientFunds extends RuntimeException {

    private final Account account;
    private final long amount;

    public InsufficientFunds(Account account, long amount) {
        super(Lang.current().pick(account + " has " + account.balance() + ", not the " + amount + " asked for",
                account + " tem " + account.balance() + ", não os " + amount + " pedidos"));
        this.account = account;
        this.amount = amount;
    }

    /** The account that had too little. */
    public Account account() {
        return account;
    }

    /** The amount that was asked for. */
    public long amount() {
        return amount;
    }
}
