package bank;

import kitchen.bank.Account;

/** A known-wrong teller: see expect.properties beside src/. */
public class Teller {

    public void transfer(Account from, Account to, long amount) {
        from.lock().lock();
        try {
            to.lock().lock();
            try {
                from.withdraw(amount);
                to.deposit(amount);
            } finally {
                to.lock().unlock();
            }
        } finally {
            from.lock().unlock();
        }
    }
}
