package bank;

import kitchen.bank.Account;

/** One transfer a graded test asks a teller for. */
record Move(Account from, Account to, long amount) {

    /** An account as feedback names it in either language, e.g. {@code #3 (Ana)}. */
    static String label(Account account) {
        return "#" + account.number() + " (" + account.owner() + ")";
    }

    /** E.g. {@code #3 (Ana) → #4 (Bruno), 30}: reads the same in English and in Portuguese. */
    @Override
    public String toString() {
        return label(from) + " → " + label(to) + ", " + amount;
    }
}
