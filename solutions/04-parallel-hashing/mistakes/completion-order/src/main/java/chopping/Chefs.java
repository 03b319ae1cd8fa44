package chopping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import kitchen.onions.ChoppingBoard;

/** Known mistake: digests are collected in the order the chops finish, not in the order of the blocks. */
public final class Chefs {

    private Chefs() {
    }

    public static List<String> hashAll(ChoppingBoard board, List<byte[]> blocks) {
        List<String> digests = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService chefs = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            for (byte[] block : blocks) {
                chefs.submit(() -> digests.add(board.chop(board.newKnife(), block)));
            }
        }
        return digests;
    }
}
