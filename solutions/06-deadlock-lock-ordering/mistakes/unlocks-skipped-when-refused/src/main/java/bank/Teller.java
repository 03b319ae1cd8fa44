package bank;

import kitchen.bank.Account;

/** A known-wrong teller: see expect.properties beside src/. */
public class Teller {

    public void transfer(Account from, Account to, long amount) {
        Account first = from.number() <= to.number() ? from : to;
        Account second = first == from ? to : from;
        first.lock().lock();
        second.lock().lock();
        from.withdraw(amount);
        to.deposit(amount);
        second.lock().unlock();
        first.lock().unlock();
    }
}
