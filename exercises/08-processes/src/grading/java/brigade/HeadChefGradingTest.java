package brigade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kitchen.grading.Feedback;
import kitchen.grading.Points;
import kitchen.grading.TimeScale;
import kitchen.onions.Onions;
import kitchen.workers.HashWorker;
import kitchen.workers.Ledger;
import kitchen.workers.WorkerCommand;
import kitchen.workers.WorkerCrashed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The graded tests of exercise 08. Every test starts two worker JVMs (a few hundred milliseconds each) and
 * reads what they did from a {@link Ledger} the workers write themselves: which process hashed which block,
 * its own counter, whether it crashed or got stuck. Nothing here judges speed: a JVM's start-up dominates.
 * Every wait is bounded, and a test gives up early once waiting longer can only confirm the failure (a
 * worker crashed seconds ago, a worker has been stuck on its stderr for seconds).
 */
class HeadChefGradingTest {

    /** The longest a whole call may take: two JVM start-ups on a busy machine, and a little hashing. */
    private static final Duration CALL_LIMIT = TimeScale.millis(20_000);
    /** How long after a crash, a stuck pipe or an interrupt the call must have reacted. */
    private static final Duration REACTION = TimeScale.millis(5_000);
    /** Workers wait this long for each other before the meeting breaks. */
    private static final Duration MEETING = TimeScale.millis(10_000);
    private static final int WORKERS = 2;
    private static final int CRASH_CODE = 86;
    private static final long THIS_JVM = ProcessHandle.current().pid();

    private Ledger ledger;
    private HashAllCall call;

    @BeforeEach
    void openLedger() throws IOException {
        ledger = Ledger.open();
    }

    @AfterEach
    void killLeftovers() {
        // Whatever this test left running must not leak into the next one.
        if (call != null) {
            call.interrupt();
        }
        ledger.close();
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("every block is hashed right, in order, by at least two worker processes")
    void blocksAreHashedByAtLeastTwoWorkerProcesses() {
        // Blocks larger than a pipe's buffer, and workers that wait for each other before the first digest:
        // a fast first worker cannot swallow all the work before the second one is up.
        List<byte[]> blocks = Onions.bag(4, 256 * 1024);
        call = HashAllCall.start(ledger.hashWorker().meetAtOnce(WORKERS, MEETING).command(), WORKERS, blocks);
        call.awaitEnd(CALL_LIMIT);

        assertHashedByWorkerProcesses(blocks);
        Set<Long> hashers = ledger.pidsThatHashed();
        assertThat(hashers).withFailMessage(Feedback
                        .observed("every block was hashed by one worker process (%s), with %d workers asked for",
                                "todos os blocos foram processados por um único processo trabalhador (%s), com %d "
                                        + "trabalhadores pedidos", hashers, WORKERS)
                        .expected("the blocks spread over at least two worker processes",
                                "os blocos distribuídos entre pelo menos dois processos trabalhadores")
                        .hint("start all the workers before you wait for any answer, and keep every worker fed",
                                "inicie todos os trabalhadores antes de esperar qualquer resposta, e mantenha cada "
                                        + "trabalhador ocupado")
                        .picture(ledger::picture))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Tag("task:1")
    @Points(1)
    @DisplayName("a counter changed in a worker process leaves this JVM's copy unchanged")
    void aWorkersCounterLeavesTheParentsUnchanged() {
        List<byte[]> blocks = Onions.bag(4, 1_000);
        int before = HashWorker.hashedHere();
        call = HashAllCall.start(ledger.hashWorker().command(), WORKERS, blocks);
        call.awaitEnd(CALL_LIMIT);

        int here = HashWorker.hashedHere() - before;
        assertThat(here).withFailMessage(Feedback
                        .observed("this JVM's counter of hashed blocks (HashWorker.hashedHere()) went up by %d: the "
                                        + "blocks were hashed in this JVM, whose memory all its threads share",
                                "o contador de blocos desta JVM (HashWorker.hashedHere()) subiu %d: os blocos foram "
                                        + "processados nesta JVM, cuja memória todas as suas threads compartilham", here)
                        .expected("it stays where it was: each worker process counts in its own copy of the counter",
                                "ele fica onde estava: cada processo trabalhador conta na sua própria cópia do "
                                        + "contador")
                        .hint("threads share their process's memory; a process has memory of its own. Start "
                                        + "processes with new ProcessBuilder(worker.command())",
                                "threads compartilham a memória do seu processo; um processo tem memória própria. "
                                        + "Inicie processos com new ProcessBuilder(worker.command())")
                        .picture(ledger::picture))
                .isZero();
        assertHashedByWorkerProcesses(blocks);
        int counted = ledger.shifts().stream().mapToInt(Ledger.Shift::counter).sum();
        assertThat(counted).withFailMessage(Feedback
                        .observed("the workers' own counters add up to %d for %d blocks",
                                "os contadores dos próprios trabalhadores somam %d para %d blocos", counted,
                                blocks.size())
                        .expected("%d: each worker counts exactly the blocks it hashed",
                                "%d: cada trabalhador conta exatamente os blocos que processou", blocks.size())
                        .hint("send each block to one worker, once", "envie cada bloco a um trabalhador, uma vez")
                        .picture(ledger::picture))
                .isEqualTo(blocks.size());
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("no more worker processes are started than asked for")
    void neverMoreWorkerProcessesThanAskedFor() {
        List<byte[]> blocks = Onions.bag(4, 1_000);
        call = HashAllCall.start(ledger.hashWorker().command(), WORKERS, blocks);
        // No need to wait for a whole flood of JVMs to start up: one too many is enough to tell.
        call.awaitEnd(CALL_LIMIT, () -> workersStarted() > WORKERS);

        int started = workersStarted();
        assertThat(started).withFailMessage(Feedback
                        .observed("at least %d worker processes were started for %d workers and %d blocks",
                                "pelo menos %d processos trabalhadores foram iniciados para %d trabalhadores e %d "
                                        + "blocos",
                                started, WORKERS, blocks.size())
                        .expected("at most %d worker processes, each hashing several blocks",
                                "no máximo %d processos trabalhadores, cada um processando vários blocos", WORKERS)
                        .hint("starting a JVM costs far more than hashing a block: start the crew once, then keep "
                                        + "handing it work",
                                "iniciar uma JVM custa muito mais que processar um bloco: inicie a equipe uma vez e "
                                        + "continue lhe passando trabalho")
                        .picture(ledger::picture))
                .isLessThanOrEqualTo(WORKERS);
        assertHashedByWorkerProcesses(blocks);
    }

    /** Worker processes started so far: those with a page in the ledger, or alive and still starting up. */
    private int workersStarted() {
        return (int) Math.max(ledger.shifts().size(),
                ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
    }

    @Test
    @Tag("task:3")
    @Points(2)
    @DisplayName("no worker process is left alive when hashAll returns")
    void noWorkerIsLeftAliveWhenTheCallReturns() {
        List<byte[]> blocks = Onions.bag(4, 1_000);
        call = HashAllCall.start(ledger.hashWorker().command(), WORKERS, blocks);
        call.awaitEnd(CALL_LIMIT);

        assertHashedByWorkerProcesses(blocks);
        assertNoWorkerAlive("hashAll returned", "hashAll retornou");
    }

    @Test
    @Tag("task:4")
    @Points(1)
    @DisplayName("a worker that writes megabytes to its stderr cannot block hashAll")
    void aChattyWorkerCannotBlockTheCall() {
        List<byte[]> blocks = Onions.bag(4, 1_000);
        call = HashAllCall.start(ledger.hashWorker().chatter(1 << 20).command(), WORKERS, blocks);
        boolean ended = call.awaitEnd(CALL_LIMIT,
                () -> ledger.shifts().stream().anyMatch(s -> s.stuckOnStderr(REACTION)));

        Optional<Ledger.Shift> stuck = ledger.shifts().stream().filter(s -> s.stuckOnStderr(REACTION)).findFirst();
        if (!ended && stuck.isPresent()) {
            throw Feedback
                    .observed("worker %d has been stuck for more than %s s writing its log to stderr, a pipe nobody "
                                    + "reads, and hashAll still waits for its answer",
                            "o trabalhador %d está parado há mais de %s s escrevendo seu log no stderr, um pipe que "
                                    + "ninguém lê, e hashAll ainda espera a resposta dele",
                            stuck.get().pid(), HashAllCall.seconds(REACTION))
                    .expected("hashAll empties (or redirects) every pipe of every worker while it works",
                            "hashAll esvazia (ou redireciona) todos os pipes de todos os trabalhadores enquanto eles "
                                    + "trabalham")
                    .hint("a pipe holds a few kilobytes: a process that writes more to a pipe nobody reads stops "
                                    + "until someone does. Everything a worker writes must go somewhere",
                            "um pipe guarda poucos kilobytes: um processo que escreve mais que isso num pipe que "
                                    + "ninguém lê para até alguém ler. Tudo o que um trabalhador escreve precisa ir "
                                    + "para algum lugar")
                    .picture(ledger::picture)
                    .error();
        }
        assertHashedByWorkerProcesses(blocks);
    }

    @Test
    @Tag("task:5")
    @Points(2)
    @DisplayName("a worker that crashes makes hashAll fail at once with a WorkerCrashed naming it and its exit code")
    void aCrashedWorkerFailsTheCallWithItsExitCode() {
        Ledger.Shift crashed = startWithACrash();

        WorkerCrashed thrown = call.crash().orElseThrow(() -> Feedback
                .observed("worker %d crashed with exit code %d, and hashAll %s",
                        "o trabalhador %d quebrou com código de saída %d, e hashAll %s",
                        crashed.pid(), CRASH_CODE, call.outcome())
                .expected("hashAll throws a kitchen.workers.WorkerCrashed (itself, or as the cause) naming that "
                                + "worker and its exit code",
                        "hashAll lança um kitchen.workers.WorkerCrashed (ele mesmo, ou como causa) com esse "
                                + "trabalhador e seu código de saída")
                .hint("a worker that ends too early closes its stdout: the answers you are still waiting for will "
                                + "never come. Its Process knows its pid and, once it has ended, its exit code",
                        "um trabalhador que termina cedo demais fecha seu stdout: as respostas que você ainda espera "
                                + "nunca virão. O Process dele sabe o pid e, depois que terminou, o código de saída")
                .picture(ledger::picture)
                .error());
        assertThat(List.of(thrown.pid(), (long) thrown.exitCode())).withFailMessage(Feedback
                        .observed("hashAll threw \"%s\" (pid %d, exit code %d)",
                                "hashAll lançou \"%s\" (pid %d, código de saída %d)",
                                thrown.getMessage(), thrown.pid(), thrown.exitCode())
                        .expected("the pid of the worker that crashed, %d, and its exit code, %d",
                                "o pid do trabalhador que quebrou, %d, e seu código de saída, %d",
                                crashed.pid(), CRASH_CODE)
                        .hint("Process.pid() and, once the process has ended, Process.exitValue()",
                                "Process.pid() e, depois que o processo terminou, Process.exitValue()")
                        .picture(ledger::picture))
                .isEqualTo(List.of(crashed.pid(), (long) CRASH_CODE));
    }

    @Test
    @Tag("task:5")
    @Points(1)
    @DisplayName("no worker process is left alive after a worker crashed")
    void noWorkerIsLeftAliveAfterACrash() {
        startWithACrash();

        assertNoWorkerAlive("hashAll ended after a worker crashed (it " + call.outcome() + ")",
                "hashAll terminou depois que um trabalhador quebrou (ele " + call.outcome() + ")");
    }

    @Test
    @Tag("task:5")
    @Points(1)
    @DisplayName("an interrupted hashAll stops every worker, waits for them, and throws InterruptedException")
    void noWorkerIsLeftAliveAfterTheCallerIsInterrupted() {
        // Slow workers: the interrupt comes while every block is still in a worker's hands.
        WorkerCommand slow = ledger.hashWorker().stallEachBlock(Duration.ofMinutes(5)).command();
        call = HashAllCall.start(slow, WORKERS, Onions.bag(4, 1_000));
        call.awaitEnd(CALL_LIMIT, () -> ledger.shifts().stream().anyMatch(s -> !s.received().isEmpty()));
        assertThat(ledger.shifts()).withFailMessage(Feedback
                        .observed("no worker process received a block (hashAll %s)",
                                "nenhum processo trabalhador recebeu um bloco (hashAll %s)", call.outcome())
                        .expected("worker processes busy with the blocks, to interrupt hashAll while they work",
                                "processos trabalhadores ocupados com os blocos, para interromper hashAll enquanto "
                                        + "trabalham")
                        .hint("see task 1 of the README", "veja a tarefa 1 do README")
                        .picture(ledger::picture))
                .anyMatch(s -> !s.received().isEmpty());

        call.interrupt();
        assertThat(call.awaitEnd(REACTION)).withFailMessage(Feedback
                        .observed("hashAll was still running %s s after its thread was interrupted",
                                "hashAll ainda estava rodando %s s depois que sua thread foi interrompida",
                                HashAllCall.seconds(REACTION))
                        .expected("an interrupted hashAll stops its workers and ends with an InterruptedException",
                                "um hashAll interrompido para seus trabalhadores e termina com uma "
                                        + "InterruptedException")
                        .hint("wait for the workers in a way an interrupt can end (Future.get, a queue's take, a "
                                        + "latch): reading a pipe cannot be interrupted",
                                "espere pelos trabalhadores de um jeito que uma interrupção possa encerrar "
                                        + "(Future.get, o take de uma fila, um latch): a leitura de um pipe não pode ser "
                                        + "interrompida")
                        .picture(ledger::picture))
                .isTrue();
        // Every path out of hashAll waits for the workers, this one too: no grace after the call has ended.
        assertNoWorkerAlive("hashAll ended after its thread was interrupted (it " + call.outcome() + ")",
                "hashAll terminou depois que sua thread foi interrompida (ele " + call.outcome() + ")");
        boolean interrupted = false;
        for (Throwable t = call.failure(); t != null; t = t.getCause()) {
            interrupted |= t instanceof InterruptedException;
        }
        assertThat(interrupted).withFailMessage(Feedback
                        .observed("hashAll %s after its thread was interrupted",
                                "hashAll %s depois que sua thread foi interrompida", call.outcome())
                        .expected("hashAll throws an InterruptedException (itself, or as the cause of what it throws)",
                                "hashAll lança uma InterruptedException (ela mesma, ou como causa do que ele lança)")
                        .hint("the interrupt is news for your caller: once the workers are stopped, let the "
                                        + "InterruptedException out instead of swallowing it",
                                "a interrupção é uma notícia para quem chamou: depois de parar os trabalhadores, deixe "
                                        + "a InterruptedException sair em vez de engoli-la")
                        .picture(ledger::picture))
                .isTrue();
    }

    /**
     * Starts a call whose first worker to receive a block crashes on its second block, while every other worker
     * holds each block it gets without answering; waits until the call ends (or until it has kept waiting
     * {@link #REACTION} after the crash). The crash is then the only way the call can end early: a call that
     * waits for the other workers before it looks for a crash is still waiting when the test gives up.
     *
     * @return the worker that crashed
     */
    private Ledger.Shift startWithACrash() {
        call = HashAllCall.start(ledger.hashWorker().crashOnBlock(2, CRASH_CODE).othersHold(CALL_LIMIT).command(),
                WORKERS, Onions.bag(6, 1_000));
        boolean ended = call.awaitEnd(CALL_LIMIT, () -> ledger.shifts().stream()
                .anyMatch(s -> s.crashed() && System.currentTimeMillis() - s.crashedAt() > REACTION.toMillis()));

        Ledger.Shift crashed = ledger.shifts().stream().filter(Ledger.Shift::crashed).findFirst()
                .orElseThrow(() -> Feedback
                        .observed("no worker process crashed: none received a second block (hashAll %s)",
                                "nenhum processo trabalhador quebrou: nenhum recebeu um segundo bloco (hashAll %s)",
                                call.outcome())
                        .expected("the blocks handed to worker processes, one of which crashes on its second block",
                                "os blocos entregues a processos trabalhadores, um dos quais quebra no seu segundo "
                                        + "bloco")
                        .hint("see tasks 1 and 2 of the README", "veja as tarefas 1 e 2 do README")
                        .picture(ledger::picture)
                        .error());
        assertThat(ended).withFailMessage(Feedback
                        .observed("worker %d crashed with exit code %d more than %s s ago, and hashAll is still waiting",
                                "o trabalhador %d quebrou com código de saída %d há mais de %s s, e hashAll ainda "
                                        + "está esperando",
                                crashed.pid(), CRASH_CODE, HashAllCall.seconds(REACTION))
                        .expected("hashAll notices the crash and fails at once, while the other workers still hold "
                                        + "their blocks",
                                "hashAll percebe a quebra e falha imediatamente, enquanto os outros trabalhadores ainda "
                                        + "seguram os seus blocos")
                        .hint("reading the stdout of a worker that is gone gives end-of-stream (null): whoever waits for "
                                        + "that worker's answers must hear of it, and the calling thread must hear of it "
                                        + "at once: waiting for every worker in turn (invokeAll, allOf, one get() after "
                                        + "another) before looking for a failure waits for workers that are still busy",
                                "ler o stdout de um trabalhador que morreu dá fim de fluxo (null): quem espera as "
                                        + "respostas desse trabalhador precisa saber disso, e a thread que chamou precisa "
                                        + "saber na hora: esperar cada trabalhador por vez (invokeAll, allOf, um get() "
                                        + "depois do outro) antes de procurar uma falha espera trabalhadores que ainda "
                                        + "estão ocupados")
                        .picture(ledger::picture))
                .isTrue();
        return crashed;
    }

    /**
     * The precondition of every graded test: the call returned the right digests, in order, and each block
     * was hashed by a worker process (not by this JVM).
     */
    private void assertHashedByWorkerProcesses(List<byte[]> blocks) {
        assertThat(call.ended()).withFailMessage(Feedback
                        .observed("hashAll did not return within %s s", "hashAll não retornou em %s s",
                                HashAllCall.seconds(CALL_LIMIT))
                        .expected("the digests of %d blocks, computed by worker processes, well within that time",
                                "os resumos de %d blocos, calculados por processos trabalhadores, bem antes disso",
                                blocks.size())
                        .hint("something waits forever: an answer that never comes, or a pipe nobody empties",
                                "algo espera para sempre: uma resposta que nunca chega, ou um pipe que ninguém esvazia")
                        .picture(ledger::picture))
                .isTrue();
        if (call.failure() != null) {
            throw Feedback
                    .observed("hashAll %s", "hashAll %s", call.outcome())
                    .expected("the digests of %d blocks", "os resumos de %d blocos", blocks.size())
                    .hint("see the README's protocol: one line per block, \"hash <index> <Base64>\", one answer "
                                    + "line per block",
                            "veja o protocolo no README: uma linha por bloco, \"hash <índice> <Base64>\", uma linha "
                                    + "de resposta por bloco")
                    .picture(ledger::picture)
                    .error();
        }
        List<String> expected = HashAllCall.expected(blocks);
        assertThat(call.digests()).withFailMessage(Feedback
                        .observed("hashAll returned %s", "hashAll retornou %s", call.digests())
                        .expected("the digests in the order of the blocks: %s", "os resumos na ordem dos blocos: %s",
                                expected)
                        .hint("each answer carries the index of its block", "cada resposta traz o índice do seu bloco"))
                .isEqualTo(expected);
        Set<Integer> notInWorkers = IntStream.range(0, blocks.size()).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        ledger.shifts().stream().filter(s -> s.pid() != THIS_JVM).forEach(s -> notInWorkers.removeAll(s.hashed()));
        assertThat(notInWorkers).withFailMessage(Feedback
                        .observed("the digests are right, but no worker process hashed blocks %s: they were hashed "
                                        + "in this JVM",
                                "os resumos estão certos, mas nenhum processo trabalhador processou os blocos %s: "
                                        + "eles foram processados nesta JVM", notInWorkers)
                        .expected("every block hashed by a worker process started from the WorkerCommand",
                                "todo bloco processado por um processo trabalhador iniciado pelo WorkerCommand")
                        .hint("threads run inside this JVM; a worker process is a JVM of its own: "
                                        + "new ProcessBuilder(worker.command()).start()",
                                "threads rodam dentro desta JVM; um processo trabalhador é uma JVM própria: "
                                        + "new ProcessBuilder(worker.command()).start()")
                        .picture(ledger::picture))
                .isEmpty();
    }

    /** A few process ids and how many more: code that starts processes without end must not flood the report. */
    private static String some(Set<Long> pids) {
        List<Long> sorted = pids.stream().sorted().toList();
        return sorted.size() <= 10 ? sorted.toString()
                : sorted.subList(0, 10).toString().replace("]", ", … " + (sorted.size() - 10) + " more]");
    }

    private void assertNoWorkerAlive(String whenEn, String whenPt) {
        Set<Long> alive = ledger.stillAlive();
        assertThat(alive).withFailMessage(Feedback
                        .observed(literal(whenEn) + ", yet worker processes %s are still alive",
                                literal(whenPt) + ", mas os processos trabalhadores %s ainda estão vivos", some(alive))
                        .expected("every worker it started has ended, and was waited for, before hashAll returns or "
                                        + "throws",
                                "todo trabalhador que ele iniciou terminou, e foi esperado, antes de hashAll retornar "
                                        + "ou lançar")
                        .hint("a worker ends when its stdin ends, or when it is destroyed; a process you started is "
                                        + "yours until you have waited for it, on every path out of hashAll",
                                "um trabalhador termina quando seu stdin termina, ou quando é destruído; um processo "
                                        + "que você iniciou é seu até que você tenha esperado por ele, em todo caminho "
                                        + "de saída de hashAll")
                        .picture(ledger::picture))
                .isEmpty();
    }

    /** Text that goes into a Feedback format string as it is (an exception's message may hold a '%'). */
    private static String literal(String text) {
        return text.replace("%", "%%");
    }
}
