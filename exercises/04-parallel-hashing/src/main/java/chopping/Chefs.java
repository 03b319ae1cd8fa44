package chopping;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

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
        // Tasks 1 and 2: right digests, but one chef chops one block after the other on one core.
        MessageDigest knife = board.newKnife();
        List<String> digests = new ArrayList<>(blocks.size());
        for (byte[] block : blocks) {
            digests.add(board.chop(knife, block));
        }
        return digests;
    }
}
