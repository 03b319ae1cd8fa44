package bank;

import kitchen.bank.Account;

/** A known-wrong teller: see expect.properties beside src/. */
public class Teller {

    public void transfer(Account from, Account to, long amount) {
        from.lock().lock();
        try {
            from.withdraw(amount);
        } finally {
            from.lock().unlock();
        }
        to.lock().lock();
        try {
            to.deposit(amount);
        } finally {
            to.lock().unlock();
        }
    }
}
