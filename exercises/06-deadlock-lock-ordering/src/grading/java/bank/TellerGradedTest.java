package bank;

import static bank.Move.label;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import kitchen.bank.Account;
import kitchen.bank.Bank;
import kitchen.bank.InsufficientFunds;
import kitchen.bank.Standoff;
import kitchen.grading.Feedback;
import kitchen.grading.Points;
import kitchen.grading.TimeScale;
import kitchen.locks.WaitFor;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;
import kitchen.trace.Timeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Graded: transfers that never deadlock because every thread takes the two accounts' locks in one global
 * order. Deadlocks are not hoped for but forced: a {@link Standoff} pauses each of two transfers right after
 * its first lock until the other holds its own, so opposite orders deadlock every time, and the wait-for
 * cycle the kitchen's locks record is shown. Every test first requires the money to move right (no
 * exception, never in flight, the exact balances), so a transfer that dodges deadlock by doing nothing, or
 * by never holding both accounts, earns nothing.
 *
 * <p>Messages take their English and Portuguese words from separate arguments ({@code %1$s} and
 * {@code %2$s}), so each language gets its own.
 */
class TellerGradedTest {

    /** How long a few transfers that have nothing to wait for may take before they count as stuck. */
    private static final Duration PROMPTLY = TimeScale.millis(10_000);
    /** The longest a standoff pauses a transfer; correct code ends the pause at once. */
    private static final Duration STANDOFF = TimeScale.millis(3_000);
    /** How long a transfer waits inside its withdrawal for the transfer on the other pair of accounts. */
    private static final Duration MEETING = TimeScale.millis(2_000);
    /** How long the many random transfers may take together. */
    private static final Duration MANY = TimeScale.millis(20_000);
    private static final int CLERKS = 4;
    private static final int MOVES_PER_CLERK = 2_000;
    private static final long RICH = 1_000_000;

    private static final String ORDER_HINT_EN = "two transfers that need the same two locks can deadlock only if "
            + "they take them in different orders (lock_a then lock_b, and lock_b then lock_a, like the lecture's "
            + "threads). Whatever the direction of the transfer, decide which account to lock first by a rule about "
            + "the accounts themselves that gives every thread the same answer";
    private static final String ORDER_HINT_PT = "duas transferências que precisam das mesmas duas travas só podem "
            + "dar deadlock se as pegarem em ordens diferentes (lock_a e depois lock_b, e lock_b e depois lock_a, como "
            + "as threads da aula). Qualquer que seja a direção da transferência, decida qual conta travar primeiro "
            + "por uma regra sobre as próprias contas que dê a mesma resposta para toda thread";

    /** A balance changed while the transfer making it did not hold one of its two accounts' locks. */
    private record InFlight(String thread, Account changed, long delta, Move move, Account notHeld) {
    }

    private final Teller teller = new Teller();
    private final Bank bank = new Bank();
    /** The first change made while the money was in flight, and how many there were. */
    private final AtomicReference<InFlight> firstInFlight = new AtomicReference<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Bank.Auditor alsoAudit = (account, delta) -> {
    };

    TellerGradedTest() {
        bank.audited(this::audit);
    }

    /** Runs on the thread that changes a balance, while it holds that account's lock. */
    private void audit(Account changed, long delta) {
        Move move = Clerk.current();
        if (move != null) {
            for (Account account : List.of(move.from(), move.to())) {
                if (!account.lock().isHeldByCurrentThread()) {
                    firstInFlight.compareAndSet(null,
                            new InFlight(Thread.currentThread().getName(), changed, delta, move, account));
                    inFlight.incrementAndGet();
                }
            }
        }
        alsoAudit.changing(changed, delta);
    }

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("a refused transfer throws InsufficientFunds, changes no balance and leaves both accounts unlocked")
    void aRefusedTransferChangesNothingAndFreesBothAccounts() {
        Account ana = bank.open("Ana", 10);
        Account bruno = bank.open("Bruno", 5);
        Move tooMuch = new Move(ana, bruno, 50);
        Clerk clerk = Clerk.of(threadName(tooMuch), false, teller, tooMuch);

        Clerk.Outcome outcome = Clerk.watch(PROMPTLY, List.of(clerk));

        assertFinished(outcome, false, ORDER_HINT_EN, ORDER_HINT_PT);
        Throwable thrown = clerk.failure();
        assertThat(causeChain(thrown)).withFailMessage(Feedback
                .observed("the transfer %3$s (Ana had only 10) %1$s", "a transferência %3$s (Ana tinha só 10) %2$s",
                        thrown == null ? "returned normally" : "threw " + thrown,
                        thrown == null ? "retornou normalmente" : "lançou " + thrown, tooMuch)
                .expected("it throws the InsufficientFunds that withdraw throws (or an exception caused by it)",
                        "ela lança a InsufficientFunds que withdraw lança (ou uma exceção causada por ela)")
                .hint("let that exception leave transfer: it tells the caller the money did not move",
                        "deixe essa exceção sair de transfer: ela avisa quem chamou que o dinheiro não se moveu"))
                .anyMatch(InsufficientFunds.class::isInstance);
        assertNeverInFlight();
        assertBalances(balances(ana, 10, bruno, 5), "the refused transfer " + tooMuch,
                "a transferência recusada " + tooMuch);
        assertUnlocked(List.of(ana, bruno), "the refused transfer " + tooMuch + " ended",
                "a transferência recusada " + tooMuch + " terminou");
    }

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("under many random concurrent transfers, money is conserved and never seen in flight")
    void moneyIsConservedAndNeverInFlight() {
        List<Account> accounts = new ArrayList<>();
        for (String owner : List.of("Ana", "Bruno", "Carla", "Davi", "Elis", "Fábio")) {
            accounts.add(bank.open(owner, RICH));
        }
        Map<Account, Long> expected = new LinkedHashMap<>();
        accounts.forEach(a -> expected.put(a, RICH));
        Random random = new Random(6);
        List<Clerk> clerks = new ArrayList<>();
        for (int k = 1; k <= CLERKS; k++) {
            List<Move> moves = new ArrayList<>();
            for (int i = 0; i < MOVES_PER_CLERK; i++) {
                Move move = new Move(accounts.get(random.nextInt(accounts.size())),
                        accounts.get(random.nextInt(accounts.size())), 1 + random.nextInt(100));
                moves.add(move);
                expected.merge(move.from(), -move.amount(), Long::sum);
                expected.merge(move.to(), move.amount(), Long::sum);
            }
            // Platform and virtual threads side by side: the order must hold for both.
            clerks.add(Clerk.of("clerk " + k + " of #" + accounts.getFirst().number() + "…", k % 2 == 0, teller,
                    moves));
        }

        Clerk.Outcome outcome = Clerk.watch(MANY, clerks);

        assertFinished(outcome, false, ORDER_HINT_EN, ORDER_HINT_PT);
        assertNoneFailed(outcome);
        assertNeverInFlight();
        long total = accounts.stream().mapToLong(Account::balance).sum();
        assertThat(total).withFailMessage(Feedback
                .observed("after %d transfers the accounts hold %d in all",
                        "depois de %d transferências as contas têm %d no total", CLERKS * MOVES_PER_CLERK, total)
                .expected("the %d they started with: a transfer moves money, it never makes or loses any",
                        "os %d do começo: uma transferência move dinheiro, nunca cria nem perde", RICH * accounts.size())
                .hint("each transfer withdraws exactly the amount from one account and deposits it into the other",
                        "cada transferência retira exatamente o valor de uma conta e o deposita na outra"))
                .isEqualTo(RICH * accounts.size());
        assertBalances(expected, "the random transfers", "as transferências aleatórias");
    }

    @Test
    @Tag("task:2")
    @Points(3)
    @DisplayName("two opposite transfers forced to cross both finish, on platform threads")
    void oppositeTransfersForcedToCrossFinishOnPlatformThreads() {
        assertCrossingFinishes(false, bank.open("Ana", 100), bank.open("Bruno", 100), ORDER_HINT_EN, ORDER_HINT_PT);
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("two opposite transfers forced to cross both finish, on virtual threads")
    void oppositeTransfersForcedToCrossFinishOnVirtualThreads() {
        assertCrossingFinishes(true, bank.open("Ana", 100), bank.open("Bruno", 100), ORDER_HINT_EN, ORDER_HINT_PT);
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("two accounts that look alike (same owner, balance and identity hash) still cannot deadlock")
    void lookalikeAccountsStillHaveAnOrder() {
        List<Account> twins = bank.openLookalikes("Ana", 100);
        int hash = System.identityHashCode(twins.getFirst());

        assertCrossingFinishes(false, twins.get(0), twins.get(1),
                String.format("these two accounts differ only in their numbers: the same owner, the same balance and "
                        + "the same System.identityHashCode (%d), so the same hashCode() too. When the key you order "
                        + "by calls two different accounts equal, the threads no longer agree on which lock comes "
                        + "first. Order by something no two accounts share, or settle a tie in a way every thread "
                        + "agrees on", hash),
                String.format("estas duas contas só diferem no número: o mesmo dono, o mesmo saldo e o mesmo "
                        + "System.identityHashCode (%d), logo o mesmo hashCode() também. Quando a chave pela qual "
                        + "você ordena diz que duas contas diferentes são iguais, as threads deixam de concordar "
                        + "sobre qual trava vem primeiro. Ordene por algo que duas contas nunca compartilham, ou "
                        + "resolva o empate de um jeito com que toda thread concorde", hash));
    }

    @Test
    @Tag("task:2")
    @Points(1)
    @DisplayName("an account that pays itself is neither stuck nor changed, is refused like any other when it has too"
            + " little, and ends unlocked")
    void anAccountCanPayItself() {
        Account ana = bank.open("Ana", 100);
        Move toItself = new Move(ana, ana, 30);

        Clerk.Outcome outcome = Clerk.watch(PROMPTLY, List.of(Clerk.of(threadName(toItself), false, teller, toItself)));

        assertFinished(outcome, false,
                "from and to are the same account here: the thread waits for something only it could give",
                "from e to são a mesma conta aqui: a thread espera por algo que só ela mesma poderia dar");
        assertNoneFailed(outcome);
        assertNeverInFlight();
        assertBalances(balances(ana, 100), "the transfer " + toItself, "a transferência " + toItself);
        assertUnlocked(List.of(ana), "the transfer " + toItself + " ended", "a transferência " + toItself + " terminou");

        // The contract's @throws has no exception for the same account: too little is too little.
        Move tooMuch = new Move(ana, ana, 500);
        Clerk clerk = Clerk.of(threadName(tooMuch), false, teller, tooMuch);
        assertFinished(Clerk.watch(PROMPTLY, List.of(clerk)), false,
                "from and to are the same account here: the thread waits for something only it could give",
                "from e to são a mesma conta aqui: a thread espera por algo que só ela mesma poderia dar");
        Throwable thrown = clerk.failure();
        assertThat(causeChain(thrown)).withFailMessage(Feedback
                .observed("the transfer %3$s (Ana had only 100) %1$s", "a transferência %3$s (Ana tinha só 100) %2$s",
                        thrown == null ? "returned normally" : "threw " + thrown,
                        thrown == null ? "retornou normalmente" : "lançou " + thrown, tooMuch)
                .expected("a transfer to the same account is refused like any other when the account has less than"
                                + " the amount: it throws the InsufficientFunds that withdraw throws (or an exception"
                                + " caused by it)",
                        "uma transferência para a mesma conta é recusada como qualquer outra quando a conta tem menos"
                                + " que o valor: ela lança a InsufficientFunds que withdraw lança (ou uma exceção"
                                + " causada por ela)")
                .hint("the same account moves no money, but the caller still learns whether it was there: let"
                                + " withdraw decide, as in every other transfer",
                        "a mesma conta não move dinheiro, mas quem chamou ainda fica sabendo se ele estava lá: deixe"
                                + " withdraw decidir, como em toda outra transferência"))
                .anyMatch(InsufficientFunds.class::isInstance);
        assertNeverInFlight();
        assertBalances(balances(ana, 100), "the refused transfer " + tooMuch, "a transferência recusada " + tooMuch);
        assertUnlocked(List.of(ana), "the refused transfer " + tooMuch + " ended",
                "a transferência recusada " + tooMuch + " terminou");
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("transfers between different pairs of accounts run at the same time")
    void transfersBetweenDifferentAccountsRunAtTheSameTime() {
        Account ana = bank.open("Ana", 100);
        Account bruno = bank.open("Bruno", 100);
        Account carla = bank.open("Carla", 100);
        Account davi = bank.open("Davi", 100);
        // Each withdrawal waits there for the other transfer's: only transfers that hold their accounts at
        // the same time can meet; one after the other, the first one waits in vain and the meeting breaks.
        Rendezvous meeting = new Rendezvous(2, MEETING);
        alsoAudit = (account, delta) -> {
            if (delta < 0) {
                try {
                    meeting.arriveAndAwait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Move anaPaysBruno = new Move(ana, bruno, 10);
        Move daviPaysCarla = new Move(davi, carla, 10);

        Clerk.Outcome outcome = Clerk.watch(PROMPTLY.plus(MEETING), List.of(
                Clerk.of(threadName(anaPaysBruno), false, teller, anaPaysBruno),
                Clerk.of(threadName(daviPaysCarla), false, teller, daviPaysCarla)));

        assertFinished(outcome, false, ORDER_HINT_EN, ORDER_HINT_PT);
        assertNoneFailed(outcome);
        assertNeverInFlight();
        assertBalances(balances(ana, 90, bruno, 110, carla, 110, davi, 90), "the two transfers",
                "as duas transferências");
        assertThat(meeting.met()).withFailMessage(Feedback
                .observed("the transfers %s and %s never held their accounts at the same time: the first waited %d ms "
                                + "inside its withdrawal for the other, which could not start",
                        "as transferências %s e %s nunca seguraram suas contas ao mesmo tempo: a primeira esperou %d ms "
                                + "dentro do saque pela outra, que não conseguiu começar",
                        anaPaysBruno, daviPaysCarla, MEETING.toMillis())
                .expected("transfers that share no account run at the same time: each holds only its own two locks",
                        "transferências sem conta em comum rodam ao mesmo tempo: cada uma segura só as suas duas travas")
                .hint("one lock for every transfer cannot deadlock, but it turns the bank into a single queue: Ana "
                                + "paying Bruno waits for Davi paying Carla for no reason. Lock only the accounts the "
                                + "transfer touches",
                        "uma trava só para todas as transferências não dá deadlock, mas transforma o banco numa fila "
                                + "única: Ana pagando Bruno espera Davi pagar Carla sem motivo. Trave só as contas que a "
                                + "transferência toca")
                .picture(() -> Timeline.of(bank.journal())))
                .isTrue();
    }

    /** Two transfers in opposite directions, forced to cross by a standoff, must both finish and move the money. */
    private void assertCrossingFinishes(boolean virtual, Account a, Account b, String hintEn, String hintPt) {
        long startA = a.balance();
        long startB = b.balance();
        Move ab = new Move(a, b, 30);
        Move ba = new Move(b, a, 20);
        Clerk one = Clerk.of(threadName(ab), virtual, teller, ab);
        Clerk other = Clerk.of(threadName(ba), virtual, teller, ba);
        bank.forcing(new Standoff(one.thread(), other.thread(), STANDOFF));

        Clerk.Outcome outcome = Clerk.watch(PROMPTLY, List.of(one, other));

        assertFinished(outcome, true, hintEn, hintPt);
        assertNoneFailed(outcome);
        assertNeverInFlight();
        assertBalances(balances(a, startA - 30 + 20, b, startB + 30 - 20), "the two opposite transfers",
                "as duas transferências opostas");
    }

    /**
     * Fails with the wait-for cycle if the clerks deadlocked, and with what they wait for if they are still at
     * it; {@code forced} says whether a standoff made them cross.
     */
    private void assertFinished(Clerk.Outcome outcome, boolean forced, String hintEn, String hintPt) {
        long virtual = outcome.clerks().stream().filter(c -> c.thread().isVirtual()).count();
        long platform = outcome.clerks().size() - virtual;
        if (outcome.deadlocked()) {
            throw Feedback
                    .observed("the transfers deadlocked (on %1$s): each holds an account's lock the other waits for, "
                                    + "and neither will ever let go",
                            "as transferências entraram em deadlock (em %2$s): cada uma segura a trava de uma conta "
                                    + "que a outra espera, e nenhuma vai soltar nunca",
                            threadsEn(platform, virtual), threadsPt(platform, virtual))
                    .expected(forced ? "every transfer finishes, even at the worst moment: here the kitchen paused "
                                    + "each transfer right after its first lock until the other held its own first lock"
                                    : "every transfer finishes, whatever the others do at the same time",
                            forced ? "toda transferência termina, mesmo no pior momento: aqui a cozinha pausou cada "
                                    + "transferência logo depois da primeira trava até a outra segurar a sua primeira"
                                    : "toda transferência termina, o que quer que as outras façam ao mesmo tempo")
                    .hint(hintEn, hintPt)
                    .picture(outcome.deadlock())
                    .picture(this::locksStillHeld)
                    .error();
        }
        if (!outcome.allFinished()) {
            throw Feedback
                    .observed("after %d ms the transfers had not finished, and no deadlock among the accounts' locks "
                                    + "was seen",
                            "depois de %d ms as transferências não tinham terminado, e nenhum deadlock entre as "
                                    + "travas das contas foi visto",
                            outcome.waited().toMillis())
                    .expected("each transfer finishes promptly: nothing in this test makes it wait long",
                            "cada transferência termina logo: nada neste teste a faz esperar muito")
                    .hint(hintEn, hintPt)
                    .picture(outcome.stillRunning())
                    .picture(this::locksStillHeld)
                    .error();
        }
    }

    /** E.g. "2 platform threads", "2 platform and 2 virtual threads". */
    private static String threadsEn(long platform, long virtual) {
        String noun = platform + virtual == 1 ? " thread" : " threads";
        if (virtual == 0 || platform == 0) {
            return (platform + virtual) + (virtual == 0 ? " platform" : " virtual") + noun;
        }
        return platform + " platform and " + virtual + " virtual" + noun;
    }

    /** E.g. "2 threads de plataforma", "2 threads de plataforma e 2 virtuais". */
    private static String threadsPt(long platform, long virtual) {
        if (virtual == 0 || platform == 0) {
            boolean one = platform + virtual == 1;
            return (platform + virtual) + (one ? " thread" : " threads")
                    + (virtual == 0 ? " de plataforma" : one ? " virtual" : " virtuais");
        }
        return platform + (platform == 1 ? " thread" : " threads") + " de plataforma e " + virtual
                + (virtual == 1 ? " virtual" : " virtuais");
    }

    /** The lock holds that never ended, drawn as a timeline: a deadlock's locks, or a stuck transfer's. */
    private String locksStillHeld() {
        List<Journal.Span> held = bank.journal().spans().stream().filter(Journal.Span::isOpen).toList();
        return held.isEmpty() ? "" : Timeline.of(held, bank.journal().now());
    }

    private static void assertNoneFailed(Clerk.Outcome outcome) {
        for (Clerk clerk : outcome.clerks()) {
            assertThat(clerk.failure()).withFailMessage(Feedback
                    .observed("the transfer %s threw %s", "a transferência %s lançou %s", clerk.failedMove(),
                            clerk.failure())
                    .expected("it moves the money and returns: every account here has enough for it",
                            "ela move o dinheiro e retorna: toda conta aqui tem saldo suficiente")
                    .hint("the exception came from your transfer: its message says what went wrong",
                            "a exceção veio da sua transferência: a mensagem dela diz o que deu errado"))
                    .isNull();
        }
    }

    private void assertNeverInFlight() {
        InFlight first = firstInFlight.get();
        if (first == null) {
            return;
        }
        throw Feedback
                .observed("the money was in flight: thread \"%s\" changed %s by %+d during the transfer %s while it "
                                + "did not hold the lock of %s (%d such changes in all)",
                        "o dinheiro ficou em trânsito: a thread \"%s\" mudou %s em %+d durante a transferência %s sem "
                                + "segurar a trava de %s (%d mudanças assim no total)",
                        first.thread(), label(first.changed()), first.delta(), first.move(), label(first.notHeld()),
                        inFlight.get())
                .expected("a transfer holds both accounts' locks from before it withdraws until after it deposits, so "
                                + "nobody can see the money gone from one account and not yet in the other",
                        "uma transferência segura as travas das duas contas de antes do saque até depois do depósito, "
                                + "para ninguém ver o dinheiro fora de uma conta e ainda não na outra")
                .hint("locking each account only around its own change never deadlocks, but it splits the transfer in "
                                + "two: in between, the money is nowhere",
                        "travar cada conta só em volta da sua própria mudança nunca dá deadlock, mas parte a "
                                + "transferência em duas: no meio, o dinheiro não está em lugar nenhum")
                .error();
    }

    private static void assertBalances(Map<Account, Long> expected, String afterEn, String afterPt) {
        Map<Account, Long> actual = new LinkedHashMap<>();
        expected.keySet().forEach(a -> actual.put(a, a.balance()));
        assertThat(actual).withFailMessage(Feedback
                .observed("after %1$s the balances were %3$s", "depois de %2$s os saldos eram %3$s",
                        afterEn, afterPt, describe(actual))
                .expected("%s", "%s", describe(expected))
                .hint("a transfer withdraws the amount from one account and deposits the same amount into the other, "
                                + "once; a refused one changes nothing",
                        "uma transferência retira o valor de uma conta e deposita o mesmo valor na outra, uma vez; uma "
                                + "recusada não muda nada"))
                .isEqualTo(expected);
    }

    private static void assertUnlocked(List<Account> accounts, String afterEn, String afterPt) {
        for (Account account : accounts) {
            Thread holder = WaitFor.holder(account.lock());
            String name = holder == null ? "?" : holder.getName();
            boolean ended = holder != null && !holder.isAlive();
            assertThat(account.lock().isLocked()).withFailMessage(Feedback
                    .observed("account %3$s is still locked (by thread \"%4$s\"%5$s) after %1$s",
                            "a conta %3$s continua travada (pela thread \"%4$s\"%6$s) depois que %2$s",
                            afterEn, afterPt, label(account), name, ended ? ", which has ended" : "",
                            ended ? ", que já terminou" : "")
                    .expected("a transfer leaves every lock it took free again, whether it returns or throws",
                            "uma transferência deixa livre toda trava que pegou, quer retorne, quer lance exceção")
                    .hint("an exception jumps over every line after it, unlock calls included; and a lock taken "
                                    + "twice must be unlocked twice",
                            "uma exceção pula todas as linhas depois dela, inclusive os unlock; e uma trava pega duas "
                                    + "vezes precisa ser destravada duas vezes"))
                    .isFalse();
        }
    }

    private static String threadName(Move move) {
        return "transfer #" + move.from().number() + "→#" + move.to().number();
    }

    private static Map<Account, Long> balances(Object... accountsAndBalances) {
        Map<Account, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < accountsAndBalances.length; i += 2) {
            map.put((Account) accountsAndBalances[i], ((Number) accountsAndBalances[i + 1]).longValue());
        }
        return map;
    }

    private static String describe(Map<Account, Long> balances) {
        return balances.entrySet().stream().map(e -> label(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static List<Throwable> causeChain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
