package brigade;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.workers.HashWorker;
import kitchen.workers.WorkerCommand;
import kitchen.workers.WorkerCrashed;

/**
 * Known mistake: a pipe nobody reads. The workers' stderr stays a pipe that nobody empties: a worker that
 * logs more than the pipe's buffer holds stops in the middle of its log, and the call waits for it forever.
 */
public final class HeadChef {

    /** How long a worker may take to exit once it has no more work, or after it was killed. */
    private static final long EXIT_GRACE_SECONDS = 5;

    private HeadChef() {
    }

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
                CompletionService<Void> shifts = new ExecutorCompletionService<>(pipes);
                int size = Math.min(workers, blocks.size());
                for (int w = 0; w < size; w++) {
                    Process process = new ProcessBuilder(worker.command()).start();
                    crew.add(process);
                    shifts.submit(() -> feed(process, blocks, next, digests), null);
                }
                for (int w = 0; w < size; w++) {
                    // The first worker to fail fails the call, whichever it is.
                    shifts.take().get();
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
    private static void feed(Process process, List<byte[]> blocks,
            AtomicInteger next, String[] digests) {
        try (BufferedWriter in = process.outputWriter(StandardCharsets.US_ASCII);
                BufferedReader out = process.inputReader(StandardCharsets.US_ASCII)) {
            for (int i = next.getAndIncrement(); i < blocks.size(); i = next.getAndIncrement()) {
                in.write(HashWorker.request(i, blocks.get(i)));
                in.newLine();
                in.flush();
                HashWorker.Answer answer = awaitAnswer(out);
                if (answer == null) {
                    throw crashed(process);
                }
                digests[answer.index()] = answer.digest();
            }
        } catch (IOException e) {
            // Writing to a worker that is gone breaks the pipe: that worker crashed.
            throw crashed(process);
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

    /** What to throw for a worker that ended too early: its pid, exit code and last words. */
    private static WorkerCrashed crashed(Process process) {
        awaitExit(process);
        return new WorkerCrashed(process.pid(), process.exitValue(), "");
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
