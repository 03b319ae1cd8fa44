package chopping;

import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kitchen.onions.ChoppingBoard;

/** Known mistake: a pool of one thread per core, but every chef cuts with the same MessageDigest. */
public final class Chefs {

    private Chefs() {
    }

    public static List<String> hashAll(ChoppingBoard board, List<byte[]> blocks) {
        MessageDigest knife = board.newKnife();
        try (ExecutorService chefs = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            List<Future<String>> chops = blocks.stream()
                    .map(block -> chefs.submit(() -> board.chop(knife, block))).toList();
            return chops.stream().map(Chefs::digest).toList();
        }
    }

    private static String digest(Future<String> chop) {
        try {
            return chop.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
