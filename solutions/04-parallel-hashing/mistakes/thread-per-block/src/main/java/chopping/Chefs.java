package chopping;

import java.util.ArrayList;
import java.util.List;

import kitchen.onions.ChoppingBoard;

/** Known mistake: one platform thread per block, however many blocks and however few cores. */
public final class Chefs {

    private Chefs() {
    }

    public static List<String> hashAll(ChoppingBoard board, List<byte[]> blocks) {
        String[] digests = new String[blocks.size()];
        List<Thread> chefs = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            int index = i;
            chefs.add(Thread.ofPlatform()
                    .start(() -> digests[index] = board.chop(board.newKnife(), blocks.get(index))));
        }
        for (Thread chef : chefs) {
            try {
                chef.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return List.of(digests);
    }
}
