package kitchen.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kitchen.locks.WaitFor;
import kitchen.trace.Journal;
import org.junit.jupiter.api.Test;

class BankTest {

    private final Bank bank = new Bank();

    @Test
    void opensAccountsWithUniqueNumbersAnOwnerAndABalance() {
        Account ana = bank.open("Ana", 100);
        Account bruno = new Bank().open("Bruno", 0);

        assertThat(bruno.number()).isGreaterThan(ana.number());
        assertThat(ana.owner()).isEqualTo("Ana");
        assertThat(ana.balance()).isEqualTo(100);
        assertThat(ana).hasToString("account #" + ana.number() + " (Ana)");
        assertThat(ana.lock().name()).isEqualTo(ana.toString());
        assertThatIllegalArgumentException().isThrownBy(() -> bank.open("Carla", -1));
    }

    @Test
    void movesMoneyOnlyInTheHandsOfTheLockHolder() {
        Account ana = bank.open("Ana", 100);

        assertThatIllegalStateException().isThrownBy(() -> ana.withdraw(10))
                .withMessageContaining("without holding its lock (held by nobody)");
        ana.lock().lock();
        try {
            ana.withdraw(30);
            ana.deposit(5);
            assertThatIllegalArgumentException().isThrownBy(() -> ana.deposit(-1));
            assertThatIllegalArgumentException().isThrownBy(() -> ana.withdraw(-1));
        } finally {
            ana.lock().unlock();
        }
        assertThat(ana.balance()).isEqualTo(75);
    }

    @Test
    void namesTheHolderWhenAnotherThreadChangesTheBalance() throws InterruptedException {
        Account ana = bank.open("Ana", 100);
        List<Throwable> thrown = new ArrayList<>();
        ana.lock().lock();
        try {
            Thread intruder = Thread.ofPlatform().name("intruder").start(() -> {
                try {
                    ana.deposit(1);
                } catch (IllegalStateException e) {
                    thrown.add(e);
                }
            });
            intruder.join();
        } finally {
            ana.lock().unlock();
        }
        assertThat(thrown).singleElement().extracting(Throwable::getMessage).asString()
                .contains("thread \"intruder\" tried to deposit 1 on " + ana)
                .contains("held by thread \"" + Thread.currentThread().getName() + "\"");
        assertThat(ana.balance()).isEqualTo(100);
    }

    @Test
    void refusesToOverdrawAndChangesNothing() {
        Account ana = bank.open("Ana", 10);
        ana.lock().lock();
        try {
            assertThatThrownBy(() -> ana.withdraw(11)).isInstanceOfSatisfying(InsufficientFunds.class, e -> {
                assertThat(e.account()).isSameAs(ana);
                assertThat(e.amount()).isEqualTo(11);
                assertThat(e).hasMessage(ana + " has 10, not the 11 asked for");
            });
        } finally {
            ana.lock().unlock();
        }
        assertThat(ana.balance()).isEqualTo(10);
    }

    @Test
    void opensLookalikesThatOnlyTheirNumbersTellApart() {
        List<Account> twins = bank.openLookalikes("Ana", 50);

        assertThat(twins).hasSize(2).allSatisfy(a -> {
            assertThat(a.owner()).isEqualTo("Ana");
            assertThat(a.balance()).isEqualTo(50);
        });
        Account one = twins.get(0);
        Account other = twins.get(1);
        assertThat(one).isNotSameAs(other);
        assertThat(one.number()).isNotEqualTo(other.number());
        assertThat(System.identityHashCode(one)).isEqualTo(System.identityHashCode(other));
        assertThat(one.hashCode()).isEqualTo(other.hashCode());
    }

    @Test
    void journalsEachHoldOnceEvenWhenTheLockIsTakenAgain() {
        Account ana = bank.open("Ana", 0);
        ana.lock().lock();
        ana.lock().lock();
        assertThat(WaitFor.holder(ana.lock())).isEqualTo(Thread.currentThread());
        ana.lock().unlock();
        assertThat(bank.journal().spans()).singleElement().satisfies(s -> assertThat(s.isOpen()).isTrue());
        ana.lock().unlock();

        assertThat(bank.journal().spans()).singleElement().satisfies(s -> {
            assertThat(s.what()).isEqualTo(ana.toString());
            assertThat(s.isOpen()).isFalse();
            assertThat(s.outcome()).isEqualTo("done");
            assertThat(s.worker().id()).isEqualTo(Thread.currentThread().threadId());
        });
        assertThat(ana.lock().isLocked()).isFalse();
    }

    @Test
    void anAuditorSeesEveryChangeBeforeItHappensOnTheChangingThread() {
        List<String> seen = new ArrayList<>();
        bank.audited((account, delta) -> seen.add(account.owner() + " " + delta + " from " + account.balance()
                + (account.lock().isHeldByCurrentThread() ? " held" : " not held")));
        Account ana = bank.open("Ana", 100);
        ana.lock().lock();
        try {
            ana.withdraw(30);
            ana.deposit(5);
            assertThatThrownBy(() -> ana.withdraw(1_000)).isInstanceOf(InsufficientFunds.class);
        } finally {
            ana.lock().unlock();
        }

        assertThat(seen).containsExactly("Ana -30 from 100 held", "Ana 5 from 70 held");
    }

    @Test
    void theJournalHasTheSpansOfEveryAccount() {
        Account ana = bank.open("Ana", 0);
        Account bruno = bank.open("Bruno", 0);
        for (Account a : List.of(ana, bruno)) {
            a.lock().lock();
            a.lock().unlock();
        }

        assertThat(bank.journal().spans()).extracting(Journal.Span::what).containsExactly(ana.toString(), bruno.toString());
    }
}
