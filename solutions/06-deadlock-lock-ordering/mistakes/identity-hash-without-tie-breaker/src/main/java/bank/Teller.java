package bank;

import kitchen.bank.Account;

/** A known-wrong teller: see expect.properties beside src/. */
public class Teller {

    public void transfer(Account from, Account to, long amount) {
        boolean fromFirst = System.identityHashCode(from) < System.identityHashCode(to);
        Account first = fromFirst ? from : to;
        Account second = fromFirst ? to : from;
        first.lock().lock();
        try {
            second.lock().lock();
            try {
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
