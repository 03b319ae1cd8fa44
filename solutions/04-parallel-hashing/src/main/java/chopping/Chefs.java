package chopping;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kitchen.onions.ChoppingBoard;

/**
 * Chefs chopping onions: SHA-256 over many blocks of bytes. Hashing is pure CPU work, so the way to
 * finish sooner is more cores chopping at the same time. Java has no GIL: threads really do run in
 * parallel, one per core.
 */
public final class Chefs {

    private Chefs() {
    }

    /**
     * Hashes every block with SHA-256 on {@code board}, using all the cores of this machine.
     *
     * <p>The contract the graded tests check:
     * <ul>
     *   <li>every block is chopped exactly once, with {@link ChoppingBoard#chop}, and
     *       {@code result.get(i)} is the digest of {@code blocks.get(i)} (input order, whatever finishes
     *       first; any split of the blocks between threads will do, a fixed one such as [0, 1] and [2]
     *       too);</li>
     *   <li>when there are at least two blocks, at least two are on the board at the same instant;</li>
     *   <li>the chopping runs on no more platform threads at once than the machine has cores (plus a
     *       little slack); virtual threads are fine, the JDK runs them on one carrier per core;</li>
     *   <li>the work keeps the cores busy: CPU time / wall time well above 1 on a machine with 2+ cores;
     *       </li>
     *   <li>it returns only when every block is chopped; if a chop fails, hashAll fails too: it throws the
     *       chop's exception, or one that has it as its cause (never a {@code null} digest in its place).
     *       </li>
     * </ul>
     *
     * @param board the kitchen's instrumented SHA-256 hasher (safe to share between threads)
     * @param blocks the blocks to hash; not changed
     * @return the lowercase hex digests, {@code result.get(i)} for {@code blocks.get(i)}
     */
    public static List<String> hashAll(ChoppingBoard board, List<byte[]> blocks) {
        List<Future<String>> chops;
        // CPU work: one chef (platform thread) per core; more threads would only take turns on the cores.
        try (ExecutorService chefs = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            // A knife per block: a MessageDigest keeps state while it cuts, so chefs never share one.
            chops = blocks.stream().map(block -> chefs.submit(() -> board.chop(board.newKnife(), block))).toList();
        } // close() waits until every block is chopped.
        // The futures are in input order, so the digests are too, whichever chop finished first.
        return chops.stream().map(Chefs::digest).toList();
    }

    private static String digest(Future<String> chop) {
        if (chop.state() == Future.State.FAILED) {
            throw new CompletionException(chop.exceptionNow());
        }
        return chop.resultNow();
    }
}
