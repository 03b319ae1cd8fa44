package bank;

import kitchen.bank.Account;

/** A known-wrong teller: see expect.properties beside src/. */
public class Teller {

    public void transfer(Account from, Account to, long amount) {
        Account first = from.number() <= to.number() ? from : to;
        Account second = first == from ? to : from;
        first.lock().lock();
        try {
            second.lock().lock();
            try {
                to.deposit(amount);
                from.withdraw(amount);
            } finally {
                second.lock().unlock();
            }
        } finally {
            first.lock().unlock();
        }
    }
}
