package chopping;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import kitchen.onions.ChoppingBoard;

/** Known mistake: the chops sit in peek(), and count() on a stream of known size skips them all. */
public final class Chefs {

    private Chefs() {
    }

    public static List<String> hashAll(ChoppingBoard board, List<byte[]> blocks) {
        String[] digests = new String[blocks.size()];
        long chopped = IntStream.range(0, blocks.size()).parallel()
                .peek(i -> digests[i] = board.chop(board.newKnife(), blocks.get(i)))
                .count();
        if (chopped != blocks.size()) {
            throw new IllegalStateException("lost " + (blocks.size() - chopped) + " blocks");
        }
        return Arrays.asList(digests);
    }
}
