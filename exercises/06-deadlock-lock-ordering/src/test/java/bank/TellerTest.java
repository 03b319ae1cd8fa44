package bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kitchen.bank.Account;
import kitchen.bank.Bank;
import kitchen.bank.Standoff;
import kitchen.grading.Feedback;
import kitchen.grading.Lang;
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

        balances(ana, 70, bruno, 50, "Ana pays Bruno 30", "Ana paga 30 a Bruno");
        List<Account> locked = List.of(ana, bruno).stream().filter(a -> a.lock().isLocked()).toList();
        assertThat(locked).withFailMessage(Feedback
                        .observed("after the transfer these accounts were still locked: %s",
                                "depois da transferência estas contas ainda estavam travadas: %s", locked)
                        .expected("both accounts free again", "as duas contas livres de novo")
                        .hint("see task 1 of the README", "veja a tarefa 1 do README"))
                .isEmpty();
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

        String seen = WaitFor.cycles().stream().filter(cycle -> cycle.contains("\"Ana pays Bruno\"")).findFirst()
                .orElse(Lang.current().pick("no deadlock", "nenhum deadlock"));
        assertThat(finished).withFailMessage(Feedback
                        .observed("the two opposite transfers had not finished after 10 s; the kitchen's locks saw: %s",
                                "as duas transferências opostas não tinham terminado depois de 10 s; as travas da "
                                        + "cozinha viram: %s", seen)
                        .expected("both finish, however they cross", "as duas terminam, como quer que se cruzem")
                        .hint("see task 2 of the README", "veja a tarefa 2 do README"))
                .isTrue();
        assertThat(failure.get()).withFailMessage(() -> Feedback
                        .observed("a transfer threw %s", "uma transferência lançou %s", failure.get())
                        .expected("both transfers return: each account has enough money",
                                "as duas transferências retornam: cada conta tem dinheiro suficiente").get())
                .isNull();
        balances(ana, 90, bruno, 110, "Ana pays Bruno 30 while Bruno pays Ana 20",
                "Ana paga 30 a Bruno enquanto Bruno paga 20 a Ana");
    }

    private static void balances(Account ana, long anaHas, Account bruno, long brunoHas, String en, String pt) {
        assertThat(List.of(ana.balance(), bruno.balance())).withFailMessage(Feedback
                        .observed("after \"%s\" Ana has %d and Bruno %d", "depois de \"%s\" Ana tem %d e Bruno %d",
                                Lang.current().pick(en, pt), ana.balance(), bruno.balance())
                        .expected("Ana %d and Bruno %d", "Ana %d e Bruno %d", anaHas, brunoHas))
                .containsExactly(anaHas, brunoHas);
    }
}
