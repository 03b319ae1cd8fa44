package bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kitchen.bank.Account;
import kitchen.bank.Bank;
import kitchen.bank.Standoff;
import kitchen.locks.WaitFor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quick checks you can run while you work; the grader's tests look closer. */
@Timeout(20)
class TellerTest {

    private final Bank bank = new Bank();
    private final Teller teller = new Teller();

    @Test
    @Tag("task:1")
    @DisplayName("a transfer moves the money from one account to the other and frees both")
    void aTransferMovesTheMoney() {
        Account ana = bank.open("Ana", 100);
        Account bruno = bank.open("Bruno", 20);

        teller.transfer(ana, bruno, 30);

        assertThat(ana.balance()).as("Ana's balance").isEqualTo(70);
        assertThat(bruno.balance()).as("Bruno's balance").isEqualTo(50);
        assertThat(List.of(ana, bruno)).as("accounts still locked").noneMatch(a -> a.lock().isLocked());
    }

    @Test
    @Tag("task:2")
    @DisplayName("two opposite transfers finish even when the kitchen makes them cross at the worst moment")
    void oppositeTransfersFinish() throws InterruptedException {
        Account ana = bank.open("Ana", 100);
        Account bruno = bank.open("Bruno", 100);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // Daemon threads: if your transfers deadlock, the test gives up on them and the JVM still ends.
        Thread anaPays = Thread.ofPlatform().daemon().name("Ana pays Bruno").unstarted(() -> {
            try {
                teller.transfer(ana, bruno, 30);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        Thread brunoPays = Thread.ofPlatform().daemon().name("Bruno pays Ana").unstarted(() -> {
            try {
                teller.transfer(bruno, ana, 20);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        // Each thread is paused right after its first lock until the other holds its own first lock.
        bank.forcing(new Standoff(anaPays, brunoPays, Duration.ofSeconds(3)));
        anaPays.start();
        brunoPays.start();

        boolean finished = anaPays.join(Duration.ofSeconds(10)) && brunoPays.join(Duration.ofSeconds(1));

        assertThat(finished).as("both transfers finished; the kitchen's locks saw: %s", WaitFor.cycles().stream()
                .filter(cycle -> cycle.contains("\"Ana pays Bruno\"")).findFirst().orElse("no deadlock"))
                .isTrue();
        assertThat(failure.get()).as("what a transfer threw").isNull();
        assertThat(ana.balance()).as("Ana's balance").isEqualTo(90);
        assertThat(bruno.balance()).as("Bruno's balance").isEqualTo(110);
    }
}
