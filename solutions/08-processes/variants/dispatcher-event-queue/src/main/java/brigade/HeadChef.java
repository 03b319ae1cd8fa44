package brigade;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kitchen.workers.HashWorker;
import kitchen.workers.WorkerCommand;
import kitchen.workers.WorkerCrashed;

/**
 * The head chef does not chop onions himself: he hands them to cooks who work in kitchens of their own.
 * Here the onions are blocks of bytes to hash with SHA-256, and each cook is a worker <em>process</em> (a
 * {@link HashWorker} in a JVM of its own), which shares no memory with this one: blocks go to it and digests
 * come back over pipes, its stdin and its stdout.
 */
public final class HeadChef {

    /** How long the workers may take to exit once they have no more work, or after they were killed. */
    private static final long EXIT_TIMEOUT_SECONDS = 5;

    /** What a worker's reader thread tells the dispatcher. */
    private sealed interface Event permits Answered, HungUp {
    }

    /** Worker {@code worker} answered block {@code index}. */
    private record Answered(int worker, int index, String digest) implements Event {
    }

    /** Worker {@code worker}'s stdout ended: it exited, or is about to. */
    private record HungUp(int worker) implements Event {
    }

    private HeadChef() {
    }

    /**
     * Hashes every block in worker processes and returns the digests in the order of the blocks.
     *
     * <p>The contract the graded tests check:
     * <ol>
     *   <li>Every block is hashed by a worker process started from {@code worker}
     *       ({@code new ProcessBuilder(worker.command())}), never in this JVM; with two workers or more and
     *       enough blocks, by more than one process.</li>
     *   <li>At most {@code workers} worker processes are started during the call: each one hashes many
     *       blocks.</li>
     *   <li>When it returns or throws, every worker it started has exited and been waited for.</li>
     *   <li>Every pipe of every worker is emptied or redirected while it runs: a worker that writes megabytes
     *       of log to its stderr does not stop the call.</li>
     *   <li>A worker that ends before answering all of its blocks makes the call throw a {@link WorkerCrashed}
     *       (as itself or as the cause) naming that worker's process id and exit code, at once; the other
     *       workers are stopped.</li>
     *   <li>If the calling thread is interrupted, every worker is stopped and the call ends with an
     *       {@link InterruptedException}.</li>
     * </ol>
     *
     * @param worker  the command that starts one hash worker; see {@link HashWorker} for what to say to it
     * @param workers the most worker processes to use, at least 1
     * @param blocks  the blocks to hash; not changed
     * @return the SHA-256 digest of each block (64 lowercase hex digits), in the order of {@code blocks}
     * @throws WorkerCrashed        if a worker ends before it answered every block it was given
     * @throws IOException          if a worker cannot be started
     * @throws InterruptedException if the calling thread is interrupted while it waits for the workers
     */
    public static List<String> hashAll(WorkerCommand worker, int workers, List<byte[]> blocks)
            throws IOException, InterruptedException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        int crewSize = Math.min(workers, blocks.size());
        String[] digests = new String[blocks.size()];
        List<Process> crew = new ArrayList<>();
        List<BufferedWriter> stdins = new ArrayList<>();
        // True while a worker has a block it has not answered yet: its hang-up then is a crash.
        boolean[] busy = new boolean[crewSize];
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        boolean finished = false;
        try {
            for (int w = 0; w < crewSize; w++) {
                // We do not need the log: DISCARD sends it nowhere, so it can never fill a pipe and stop the worker.
                Process process = new ProcessBuilder(worker.command())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                crew.add(process);
                stdins.add(process.outputWriter(StandardCharsets.US_ASCII));
                int id = w;
                // Reading a pipe blocks and cannot be interrupted, so it gets a thread of its own; the calling
                // thread only waits on the queue, which an interrupt can end.
                Thread.ofVirtual().name("stdout of worker " + process.pid()).start(() -> listen(id, process, events));
            }

            int next = 0;
            int answered = 0;
            // Everyone gets a first block before anyone's answer is awaited.
            for (int w = 0; w < crewSize; w++) {
                give(w, next++, blocks, crew, stdins, busy);
            }
            while (answered < blocks.size()) {
                Event event = events.take();
                switch (event) {
                    case Answered a -> {
                        digests[a.index()] = a.digest();
                        answered++;
                        busy[a.worker()] = false;
                        // Whoever answers first gets the next block: a fast worker is never idle.
                        if (next < blocks.size()) {
                            give(a.worker(), next++, blocks, crew, stdins, busy);
                        } else {
                            // No more work for this one: end of its stdin, and it exits by itself.
                            stdins.get(a.worker()).close();
                        }
                    }
                    case HungUp h -> {
                        // Its reader sends every answer before the hang-up, so "busy" is up to date here.
                        if (busy[h.worker()]) {
                            throw crashed(crew.get(h.worker()));
                        }
                    }
                }
            }
            finished = true;
        } finally {
            dismiss(crew, finished);
        }
        return List.of(digests);
    }

    /** Sends block {@code index} to worker {@code w}. A broken pipe means the worker is already gone. */
    private static void give(int w, int index, List<byte[]> blocks, List<Process> crew, List<BufferedWriter> stdins,
            boolean[] busy) throws InterruptedException {
        busy[w] = true;
        try {
            BufferedWriter in = stdins.get(w);
            in.write(HashWorker.request(index, blocks.get(index)));
            in.newLine();
            in.flush();
        } catch (IOException e) {
            throw crashed(crew.get(w));
        }
    }

    /** One worker's stdout, line by line, turned into events; ends with a hang-up, whatever the reason. */
    private static void listen(int w, Process process, BlockingQueue<Event> events) {
        try (BufferedReader out = process.inputReader(StandardCharsets.US_ASCII)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                HashWorker.Answer.parse(line).ifPresent(a -> events.add(new Answered(w, a.index(), a.digest())));
            }
        } catch (IOException e) {
            // The pipe broke with the worker: that is a hang-up too.
        }
        events.add(new HungUp(w));
    }

    /** A worker hung up with a block in hand: wait (bounded) until it has exited, and name it and its exit code. */
    private static WorkerCrashed crashed(Process process) throws InterruptedException {
        if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new WorkerCrashed(process.pid(), process.exitValue(), "");
    }

    /**
     * No worker outlives the call. After a finished job their stdin is closed and they are leaving by
     * themselves; on any other way out they are killed. Then wait for all of their exits at once, through
     * the onExit() futures, for a bounded time.
     */
    private static void dismiss(List<Process> crew, boolean finished) {
        if (!finished) {
            crew.forEach(Process::destroyForcibly);
        }
        CompletableFuture<Void> allGone =
                CompletableFuture.allOf(crew.stream().map(Process::onExit).toArray(CompletableFuture[]::new));
        try {
            allGone.get(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | InterruptedException e) {
            // Too slow, or interrupted while tidying up: kill whoever is left, and still see them go. A killed
            // process ends at once, so this join does not hang.
            crew.forEach(Process::destroyForcibly);
            allGone.join();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("onExit() never fails", e);
        }
    }
}
