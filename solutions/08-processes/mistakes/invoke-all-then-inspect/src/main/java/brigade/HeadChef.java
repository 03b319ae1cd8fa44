package brigade;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.workers.HashWorker;
import kitchen.workers.WorkerCommand;
import kitchen.workers.WorkerCrashed;

/**
 * Known mistake "invoke-all-then-inspect": invokeAll waits for every worker's shift, and only then are the
 * futures looked at, so a crash is reported once the other workers are done, not at once.
 */
public final class HeadChef {

    /** How long a worker may take to exit once it has no more work, or after it was killed. */
    private static final long EXIT_GRACE_SECONDS = 5;

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
        String[] digests = new String[blocks.size()];
        AtomicInteger next = new AtomicInteger();
        List<Process> crew = new ArrayList<>();
        boolean done = false;
        // Threads only move bytes between this JVM and the workers' pipes; the hashing happens in the workers.
        try (ExecutorService pipes = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                List<Callable<Void>> shifts = new ArrayList<>();
                int size = Math.min(workers, blocks.size());
                for (int w = 0; w < size; w++) {
                    Process process = new ProcessBuilder(worker.command()).start();
                    crew.add(process);
                    CompletableFuture<String> lastWords =
                            CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), pipes);
                    shifts.add(() -> {
                        feed(process, lastWords, blocks, next, digests);
                        return null;
                    });
                }
                // Every shift first, then look for a failure: a crash is seen only once the others are done.
                for (Future<Void> shift : pipes.invokeAll(shifts)) {
                    shift.get();
                }
                done = true;
            } catch (ExecutionException e) {
                // A shift fails only with a WorkerCrashed, or with a bug, which fails the call all the same.
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e);
            } finally {
                // Before the executor closes: it waits for the pipe threads, which end when the workers do.
                dismiss(crew, done);
            }
        }
        return List.of(digests);
    }

    /**
     * One worker's shift: hands it the next block nobody has taken yet, reads its answer, and again, until
     * every block is taken; then closes its stdin, which tells it to exit.
     */
    private static void feed(Process process, CompletableFuture<String> lastWords, List<byte[]> blocks,
            AtomicInteger next, String[] digests) {
        try (BufferedWriter in = process.outputWriter(StandardCharsets.US_ASCII);
                BufferedReader out = process.inputReader(StandardCharsets.US_ASCII)) {
            for (int i = next.getAndIncrement(); i < blocks.size(); i = next.getAndIncrement()) {
                in.write(HashWorker.request(i, blocks.get(i)));
                in.newLine();
                in.flush();
                HashWorker.Answer answer = awaitAnswer(out);
                if (answer == null) {
                    throw crashed(process, lastWords);
                }
                digests[answer.index()] = answer.digest();
            }
        } catch (IOException e) {
            // Writing to a worker that is gone breaks the pipe: that worker crashed.
            throw crashed(process, lastWords);
        }
    }

    /** The next answer on a worker's stdout (skipping its "ready" line), or null once its stdout has ended. */
    private static HashWorker.Answer awaitAnswer(BufferedReader out) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            var answer = HashWorker.Answer.parse(line);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return null;
    }

    /** Reads a worker's stderr to its end; returns its last non-blank line. */
    private static String drain(InputStream log) {
        String last = "";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    last = line;
                }
            }
        } catch (IOException e) {
            // The pipe broke with the worker: what was read is all there is.
        }
        return last;
    }

    /** What to throw for a worker that ended too early: its pid, exit code and last words. */
    private static WorkerCrashed crashed(Process process, CompletableFuture<String> lastWords) {
        awaitExit(process);
        // Its stderr ends when it does: its last words are read by now, or very soon.
        String words = lastWords.completeOnTimeout("", EXIT_GRACE_SECONDS, TimeUnit.SECONDS).join();
        return new WorkerCrashed(process.pid(), process.exitValue(), words);
    }

    /**
     * Ends every worker's shift and waits until each one has exited. After a finished job the workers are
     * already on their way out (their stdin is closed); otherwise they are killed.
     */
    private static void dismiss(List<Process> crew, boolean done) {
        if (!done) {
            crew.forEach(Process::destroyForcibly);
        }
        crew.forEach(HeadChef::awaitExit);
    }

    /**
     * Waits until the process has exited, killing it if it takes longer than {@link #EXIT_GRACE_SECONDS}.
     * The wait cannot be interrupted: a worker we started must be gone before we leave, even when the caller
     * was interrupted.
     */
    private static void awaitExit(Process process) {
        if (process.onExit().completeOnTimeout(null, EXIT_GRACE_SECONDS, TimeUnit.SECONDS).join() == null) {
            process.destroyForcibly().onExit().join();
        }
    }
}
