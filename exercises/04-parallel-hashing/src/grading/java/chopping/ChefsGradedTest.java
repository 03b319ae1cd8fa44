package chopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kitchen.grading.Feedback;
import kitchen.grading.Points;
import kitchen.grading.TimeScale;
import kitchen.onions.ChoppingBoard;
import kitchen.onions.Onions;

/**
 * Hidden graded tests of exercise 04. Every test first checks the precondition (each block chopped once
 * on the kit's board, every digest right, in input order; see {@link Chopped#assertRight}) and that
 * chops overlapped at the board's meeting point, so a correct but sequential {@code hashAll} earns
 * nothing; then it checks its own property.
 */
class ChefsGradedTest {

    /** How long the board's meeting point waits for a second chop; sequential code always waits it out. */
    private static final Duration PATIENCE = TimeScale.millis(2_000);
    /** How long the board holds block 0 back while it waits for another digest to be handed back. */
    private static final Duration HOLD = TimeScale.millis(3_000);
    /** How long platform threads wait inside the board for a crowd bigger than the cores to show up. */
    private static final Duration CROWD_PATIENCE = TimeScale.millis(1_000);
    /** Platform threads allowed beyond the cores: a parallel stream also chops on its caller's thread. */
    private static final int SLACK = 2;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The block whose chop fails in the failure test: neither the first nor the last. */
    private static final int ROTTEN = 5;

    @Test
    @DisplayName("at least two blocks are on the board at the same instant")
    @Tag("task:1")
    @Points(2)
    void blocksAreChoppedAtTheSameInstant() {
        for (int count : new int[] {40, 2}) {
            List<byte[]> blocks = Onions.bag(count, 64 << 10);
            Chopped chopped = Chopped.by(ChoppingBoard.forBlocks(blocks).meetAtOnce(2, PATIENCE).build(), blocks);
            chopped.assertRight(Chopped.sha256(blocks));
            assertMet(chopped);
        }
        for (int count : new int[] {1, 0}) {
            List<byte[]> blocks = Onions.bag(count, 64 << 10);
            Chopped.by(ChoppingBoard.forBlocks(blocks).build(), blocks).assertRight(Chopped.sha256(blocks));
        }
    }

    @Test
    @DisplayName("every chef chops with a knife of his own while blocks are chopped at once")
    @Tag("task:1")
    @Points(2)
    void everyChefChopsWithAKnifeOfHisOwn() {
        List<byte[]> blocks = Onions.bag(64, 64 << 10);
        List<String> expected = Chopped.sha256(blocks);
        // Several calls: a knife mix-up that depends on timing gets more than one chance to show.
        for (int call = 0; call < 3; call++) {
            Chopped chopped = Chopped.by(ChoppingBoard.forBlocks(blocks).meetAtOnce(2, PATIENCE).build(), blocks);
            chopped.assertRight(expected);
            assertMet(chopped);
        }
    }

    @Test
    @DisplayName("digests come back in input order, whichever block finishes first")
    @Tag("task:1")
    @Points(2)
    void digestsComeBackInInputOrder() {
        // Block 0 finishes only after another digest went back to hashAll: finishing order ≠ input order.
        // 3 blocks too: a fixed split on 2 cores, [0, 1] and [2], must not wait out the hold.
        for (int count : new int[] {40, 3}) {
            List<byte[]> blocks = Onions.bag(count, 64 << 10);
            Chopped chopped = Chopped.by(ChoppingBoard.forBlocks(blocks)
                    .meetAtOnce(2, PATIENCE).holdBack(0, HOLD).build(), blocks);
            chopped.assertRight(Chopped.sha256(blocks));
            assertMet(chopped);
        }
    }

    @Test
    @DisplayName("when a chop fails, hashAll fails too, with the chop's failure as the cause")
    @Tag("task:1")
    @Points(1)
    void aFailedChopFailsHashAll() {
        List<byte[]> blocks = Onions.bag(8, 64 << 10);
        Chopped chopped = Chopped.by(ChoppingBoard.forBlocks(blocks)
                .meetAtOnce(2, PATIENCE).rotten(ROTTEN).build(), blocks);
        chopped.assertFailedWithTheChop(ROTTEN);
        assertMet(chopped);
    }

    @Test
    @DisplayName("no more platform threads chop at once than the machine has cores (plus 2)")
    @Tag("task:2")
    @Points(2)
    void platformThreadsStayWithinTheCores() {
        List<byte[]> blocks = Onions.bag(100, 16 << 10);
        int allowed = CORES + SLACK;
        Chopped chopped = Chopped.by(ChoppingBoard.forBlocks(blocks)
                .meetAtOnce(2, PATIENCE).catchCrowds(allowed, CROWD_PATIENCE).build(), blocks);
        chopped.assertRight(Chopped.sha256(blocks));
        assertMet(chopped);
        ChoppingBoard board = chopped.board;
        assertThat(board.peakPlatformThreadsAtOnce()).withFailMessage(Feedback
                        .observed("%d platform threads were chopping at the same instant (%d different platform"
                                        + " threads chopped the %d blocks); this machine has %d cores",
                                "%d threads de plataforma picavam ao mesmo tempo (%d threads de plataforma"
                                        + " diferentes picaram os %d blocos); esta máquina tem %d núcleos",
                                board.peakPlatformThreadsAtOnce(), board.platformThreads(), blocks.size(), CORES)
                        .expected("at most %d platform threads chopping at once (cores + %d): CPU work on more"
                                        + " threads than cores is not faster, the threads only take turns, and each"
                                        + " platform thread costs memory and the operating system's time",
                                "no máximo %d threads de plataforma picando ao mesmo tempo (núcleos + %d): trabalho"
                                        + " de CPU em mais threads que núcleos não fica mais rápido, as threads só se"
                                        + " revezam, e cada thread de plataforma custa memória e tempo do sistema"
                                        + " operacional", allowed, SLACK)
                        .hint("size the team after the machine, not after the pile of work",
                                "dimensione a equipe pela máquina, não pelo tamanho da pilha de trabalho")
                        .picture(chopped::timeline))
                .isLessThanOrEqualTo(allowed);
    }

    @Test
    @DisplayName("parallel chopping keeps the cores busy: CPU time / wall time close to the kit's own")
    @Tag("task:2")
    @Points(4)
    void choppingKeepsTheCoresBusy() {
        List<byte[]> blocks = Onions.bag(24, 2 << 20);
        List<String> expected = Chopped.sha256(blocks);
        Chopped first = Chopped.by(ChoppingBoard.forBlocks(blocks).meetAtOnce(2, PATIENCE).build(), blocks);
        first.assertRight(expected);
        assertMet(first);

        Speed.Report report = Speed.measure(blocks, expected);
        System.out.println(report.summary());
        assertThat(report.failed()).withFailMessage(report.feedback()).isFalse();
    }

    /** Overlap, proven by the board's meeting point: sequential code can never get two chops there at once. */
    private static void assertMet(Chopped chopped) {
        ChoppingBoard board = chopped.board;
        assertThat(board.met()).withFailMessage(Feedback
                        .observed("the board's meeting point waited %d ms for 2 chops at the same instant, in"
                                        + " vain (the most on the board at once: %d, on %d platform and %d virtual"
                                        + " threads)",
                                "o ponto de encontro da tábua esperou %d ms por 2 cortes no mesmo instante, em vão"
                                        + " (o máximo na tábua ao mesmo tempo: %d, em %d threads de plataforma e %d"
                                        + " virtuais)",
                                PATIENCE.toMillis(), board.peakAtOnce(), board.platformThreads(),
                                board.virtualThreads())
                        .expected("at least 2 blocks chopped at the same instant: Java has no GIL, so threads on"
                                        + " different cores really chop at once",
                                "pelo menos 2 blocos picados no mesmo instante: Java não tem GIL, então threads em"
                                        + " núcleos diferentes picam de verdade ao mesmo tempo")
                        .hint("one thread chops one block after another however the loop is written (a plain"
                                        + " stream runs on one thread too); give the blocks to several threads and"
                                        + " collect the digests once they are done. Count the threads you get: the"
                                        + " common ForkJoinPool has one worker fewer than the cores (here %d for %d"
                                        + " cores)",
                                "uma thread pica um bloco depois do outro, não importa como o laço é escrito (um"
                                        + " stream comum também roda numa thread só); entregue os blocos a várias"
                                        + " threads e recolha os digests quando terminarem. Conte as threads que"
                                        + " você recebe: o ForkJoinPool comum tem um trabalhador a menos que os"
                                        + " núcleos (aqui %d para %d núcleos)",
                                ForkJoinPool.commonPool().getParallelism(), CORES)
                        .picture(chopped::timeline))
                .isTrue();
    }
}
