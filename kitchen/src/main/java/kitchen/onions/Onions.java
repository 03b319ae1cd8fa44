package kitchen.onions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Onions to chop: blocks of bytes for a {@link ChoppingBoard}. Like the lecture's
 * {@code sha256('Bla bla' * 100_000_000)}, each block is "Bla bla " over and over, with its number woven
 * in so that no two blocks (and no two digests) are alike.
 */
public final class Onions {

    private Onions() {
    }

    /**
     * A bag of onions.
     *
     * @param count how many blocks
     * @param bytesEach the size of each block; more bytes, more CPU work to hash it
     * @return {@code count} distinct blocks of {@code bytesEach} bytes, in a mutable list
     */
    public static List<byte[]> bag(int count, int bytesEach) {
        if (count < 0 || bytesEach < 0) {
            throw new IllegalArgumentException("count and bytesEach must not be negative: " + count + ", "
                    + bytesEach);
        }
        List<byte[]> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(onion(i, bytesEach));
        }
        return blocks;
    }

    private static byte[] onion(int number, int size) {
        byte[] pattern = ("Bla bla " + number + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[size];
        int filled = Math.min(pattern.length, size);
        System.arraycopy(pattern, 0, block, 0, filled);
        // Doubling copies fill megabytes in a handful of arraycopy calls.
        while (filled < size) {
            int n = Math.min(filled, size - filled);
            System.arraycopy(block, 0, block, filled, n);
            filled += n;
        }
        return block;
    }
}
