package brigade;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kitchen.workers.HashWorker;
import kitchen.workers.WorkerCommand;

/**
 * Known mistake: threads instead of processes. The blocks are hashed in parallel, but on a pool of threads
 * inside this JVM: they share its memory (its counter moves) and no worker process ever runs.
 */
public final class HeadChef {

    private HeadChef() {
    }

    public static List<String> hashAll(WorkerCommand worker, int workers, List<byte[]> blocks)
            throws IOException, InterruptedException {
        try (ExecutorService crew = Executors.newFixedThreadPool(workers)) {
            List<Future<String>> digests = new ArrayList<>();
            for (byte[] block : blocks) {
                digests.add(crew.submit(() -> HashWorker.sha256Hex(block)));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> digest : digests) {
                result.add(digest.get());
            }
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
