package brigade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kitchen.workers.HashWorker;
import kitchen.workers.WorkerCommand;
import kitchen.workers.WorkerCrashed;

public final class HeadChef {

    private HeadChef() {
    }

    private static final Object DONE = new Object();

    public static List<String> hashAll(WorkerCommand worker, int workers, List<byte[]> blocks)
            throws IOException, InterruptedException {
        int n = blocks.size();
        if (n == 0) {
            return List.of();
        }
        int count = Math.max(1, Math.min(workers, n));
        String[] digests = new String[n];
        List<Process> processes = new ArrayList<>();
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        boolean crashed = false;
        try {
            for (int w = 0; w < count; w++) {
                Process p = new ProcessBuilder(worker.command()).start();
                processes.add(p);
                List<Integer> mine = new ArrayList<>();
                for (int i = w; i < n; i += count) {
                    mine.add(i);
                }
                String[] lastWords = {""};
                Thread err = Thread.ofPlatform().daemon().start(() -> {
                    try (BufferedReader r = p.errorReader(StandardCharsets.US_ASCII)) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            if (!line.isBlank()) {
                                lastWords[0] = line;
                            }
                        }
                    } catch (IOException e) {
                        // the worker is gone
                    }
                });
                Thread.ofPlatform().daemon().start(() -> {
                    try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII)) {
                        for (int i : mine) {
                            in.write(HashWorker.request(i, blocks.get(i)));
                            in.write('\n');
                            in.flush();
                        }
                    } catch (IOException e) {
                        // the worker died; its reader reports it
                    }
                });
                Thread.ofPlatform().daemon().start(() -> {
                    int answered = 0;
                    try (BufferedReader out = p.inputReader(StandardCharsets.US_ASCII)) {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            var a = HashWorker.Answer.parse(line);
                            if (a.isPresent()) {
                                digests[a.get().index()] = a.get().digest();
                                answered++;
                            }
                        }
                        int code = p.waitFor();
                        if (answered < mine.size() || code != 0) {
                            err.join(1000);
                            events.add(new WorkerCrashed(p.pid(), code, lastWords[0]));
                        } else {
                            events.add(DONE);
                        }
                    } catch (IOException | InterruptedException e) {
                        events.add(e);
                    }
                });
            }
            for (int done = 0; done < count; done++) {
                Object e = events.take();
                if (e instanceof WorkerCrashed c) {
                    crashed = true;
                    throw c;
                }
                if (e instanceof IOException io) {
                    throw io;
                }
                if (e instanceof Throwable t) {
                    throw new IllegalStateException(t);
                }
            }
            return Arrays.asList(digests);
        } finally {
            if (crashed) {
                // fail fast: the caller gets the crash right away
                processes.clear();
            }
            for (Process p : processes) {
                p.destroyForcibly();
            }
            boolean interrupted = false;
            for (Process p : processes) {
                while (true) {
                    try {
                        p.waitFor();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // keep waiting: we promised to reap them
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
