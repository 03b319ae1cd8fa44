package brigade;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kitchen.workers.HashWorker;
import kitchen.workers.WorkerCommand;
import kitchen.workers.WorkerCrashed;

/**
 * Known mistake: unbounded process creation. Every block gets a worker process of its own, all started at
 * once, whatever {@code workers} says: a JVM start-up per block, and as many processes as blocks.
 */
public final class HeadChef {

    private HeadChef() {
    }

    public static List<String> hashAll(WorkerCommand worker, int workers, List<byte[]> blocks)
            throws IOException, InterruptedException {
        List<Process> crew = new ArrayList<>();
        try {
            for (int i = 0; i < blocks.size(); i++) {
                Process process = new ProcessBuilder(worker.command())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                crew.add(process);
                try (BufferedWriter in = process.outputWriter(StandardCharsets.US_ASCII)) {
                    in.write(HashWorker.request(i, blocks.get(i)));
                    in.newLine();
                }
            }
            List<String> digests = new ArrayList<>();
            for (Process process : crew) {
                BufferedReader out = process.inputReader(StandardCharsets.US_ASCII);
                HashWorker.Answer answer = null;
                for (String line = out.readLine(); answer == null && line != null; line = out.readLine()) {
                    answer = HashWorker.Answer.parse(line).orElse(null);
                }
                if (answer == null) {
                    process.waitFor();
                    throw new WorkerCrashed(process.pid(), process.exitValue(), "");
                }
                digests.add(answer.digest());
            }
            return digests;
        } finally {
            for (Process process : crew) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
