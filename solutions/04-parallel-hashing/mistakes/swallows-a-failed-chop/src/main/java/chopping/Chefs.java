package chopping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kitchen.onions.ChoppingBoard;

/** Known mistake: a chop that fails leaves null in its place, and hashAll returns as if all went well. */
public final class Chefs {

    private Chefs() {
    }

    public static List<String> hashAll(ChoppingBoard board, List<byte[]> blocks) {
        List<Future<String>> chops = new ArrayList<>();
        try (ExecutorService chefs = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            for (byte[] block : blocks) {
                chops.add(chefs.submit(() -> board.chop(board.newKnife(), block)));
            }
        }
        List<String> digests = new ArrayList<>();
        for (Future<String> chop : chops) {
            try {
                digests.add(chop.get());
            } catch (ExecutionException | InterruptedException e) {
                digests.add(null);
            }
        }
        return digests;
    }
}
