package brigade;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kitchen.workers.HashWorker;
import kitchen.workers.WorkerCommand;

/**
 * Known mistake: a crash that hangs the caller. Each worker gets its share of the blocks up front; a reader
 * thread per worker puts its answers into one queue, and the caller takes one answer per block from it. A
 * worker that crashes just ends its reader quietly, so the caller waits for answers that will never come.
 */
public final class HeadChef {

    private HeadChef() {
    }

    public static List<String> hashAll(WorkerCommand worker, int workers, List<byte[]> blocks)
            throws IOException, InterruptedException {
        BlockingQueue<HashWorker.Answer> answers = new LinkedBlockingQueue<>();
        List<Process> crew = new ArrayList<>();
        try (ExecutorService pipes = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                int size = Math.min(workers, blocks.size());
                for (int w = 0; w < size; w++) {
                    Process process = new ProcessBuilder(worker.command())
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    crew.add(process);
                    int first = w;
                    pipes.submit(() -> send(process, blocks, first, size));
                    pipes.submit(() -> receive(process, answers));
                }
                String[] digests = new String[blocks.size()];
                for (int i = 0; i < blocks.size(); i++) {
                    HashWorker.Answer answer = answers.take();
                    digests[answer.index()] = answer.digest();
                }
                return List.of(digests);
            } finally {
                for (Process process : crew) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Writes blocks first, first + step, … to the worker, then closes its stdin. */
    private static void send(Process process, List<byte[]> blocks, int first, int step) {
        try (BufferedWriter in = process.outputWriter(StandardCharsets.US_ASCII)) {
            for (int i = first; i < blocks.size(); i += step) {
                in.write(HashWorker.request(i, blocks.get(i)));
                in.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts every answer of the worker into the queue, until its stdout ends. */
    private static void receive(Process process, BlockingQueue<HashWorker.Answer> answers) {
        try (BufferedReader out = process.inputReader(StandardCharsets.US_ASCII)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                HashWorker.Answer.parse(line).ifPresent(answers::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
