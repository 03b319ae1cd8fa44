package kitchen.workers;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kitchen.grading.Lang;

/**
 * What hash workers did, written down by the workers themselves: a folder where each {@link HashWorker}
 * process started by a command from {@link #hashWorker()} keeps a page (when it started, which blocks it
 * received and hashed, its own counter, whether it crashed or exited). A test reads it afterwards, or while
 * the workers run, to see what happened in processes it cannot look into, and which of them are still alive.
 *
 * <p>The folder also lets workers wait for each other ({@link Hiring#meetAtOnce}) and agree on which one
 * crashes ({@link Hiring#crashOnBlock}). {@link #close()} kills every worker still alive and deletes it.
 */
public final class Ledger implements AutoCloseable {

    private static final String PAGE_PREFIX = "shift-";
    private static final String PAGE_SUFFIX = ".log";
    private static final String ARRIVED_PREFIX = "arrived-";
    private static final String MEETING_BROKEN = "meeting-broken";
    private static final String CRASH_CLAIMED = "crash-claimed";
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final long MEET_POLL_MILLIS = 10;
    private static final int WIDTH = 50;

    private final Path dir;

    private Ledger(Path dir) {
        this.dir = dir;
    }

    /** A new, empty ledger in a folder of its own under the system's temporary folder. */
    public static Ledger open() throws IOException {
        return new Ledger(Files.createTempDirectory("kitchen-ledger-"));
    }

    public Path dir() {
        return dir;
    }

    /** Sets up the command of hash workers that keep their pages in this ledger. */
    public Hiring hashWorker() {
        return new Hiring(dir);
    }

    /** One worker process's page, as read so far. Times are wall-clock milliseconds since the epoch. */
    public record Shift(long pid, long startedAt, long lastAt, List<Integer> received, List<Integer> hashed,
            int counter, String meeting, int crashCode, long crashedAt, int chatteringOn, long chatteringSince,
            boolean exited, List<Integer> held) {

        /** True if the worker crashed on purpose ({@link Hiring#crashOnBlock}). */
        public boolean crashed() {
            return crashedAt > 0;
        }

        /** True if the worker has been writing its stderr log for longer than {@code limit}, and still is. */
        public boolean stuckOnStderr(Duration limit) {
            return chatteringOn >= 0 && System.currentTimeMillis() - chatteringSince > limit.toMillis();
        }

        /** True if the process is alive right now. */
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** Every page, by start time. */
    public List<Shift> shifts() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PAGE_PREFIX))
                    .map(Ledger::read)
                    .sorted(Comparator.comparingLong(Shift::startedAt))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processes that hashed at least one block. */
    public Set<Long> pidsThatHashed() {
        return shifts().stream().filter(s -> !s.hashed().isEmpty()).map(Shift::pid)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The worker processes alive right now: those with a page here, and every process this JVM started
     * (its descendants), whether or not it got as far as writing a page.
     */
    public Set<Long> stillAlive() {
        Set<Long> alive = new TreeSet<>();
        shifts().stream().filter(Shift::alive).forEach(s -> alive.add(s.pid()));
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(p -> alive.add(p.pid()));
        return alive;
    }

    /**
     * Kills every process {@link #stillAlive()} names and waits (a few seconds at most) until each is gone.
     *
     * @return the processes that were still alive
     */
    public Set<Long> killLeftovers() {
        Set<Long> alive = stillAlive();
        List<ProcessHandle> handles = alive.stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .toList();
        handles.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : handles) {
            try {
                h.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // A process that outlives a SIGKILL for seconds is the operating system's business now.
            }
        }
        return alive;
    }

    /** Kills the workers still alive and deletes the ledger's folder. */
    @Override
    public void close() {
        killLeftovers();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing a test over.
        }
    }

    /**
     * The workers as a picture: one row per process, a bar from its start to its last word (or to now while
     * it lives), {@code X} where it crashed, {@code >} if it is still alive; then what it received and hashed.
     */
    public String picture() {
        List<Shift> shifts = shifts();
        Lang lang = Lang.current();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, lang.pick(
                "worker processes (this JVM is pid %d, its counter of blocks hashed here: %d)%n",
                "processos trabalhadores (esta JVM é o pid %d; seu contador de blocos processados aqui: %d)%n"),
                ProcessHandle.current().pid(), HashWorker.hashedHere()));
        if (shifts.isEmpty()) {
            return out.append(lang.pick("(no worker process started: none wrote a page in the ledger)",
                    "(nenhum processo trabalhador começou: nenhum escreveu uma página no livro de registro)")).toString();
        }
        long now = System.currentTimeMillis();
        List<Boolean> alive = shifts.stream().map(Shift::alive).toList();
        long start = shifts.getFirst().startedAt();
        long end = start + 1;
        for (int i = 0; i < shifts.size(); i++) {
            end = Math.max(end, alive.get(i) ? now : shifts.get(i).lastAt());
        }
        int label = shifts.stream().mapToInt(s -> String.valueOf(s.pid()).length()).max().orElse(1) + 4;
        String to = (end - start) + " ms";
        out.append(" ".repeat(label + 2)).append("0 ms").append(" ".repeat(Math.max(1, WIDTH + 2 - 4 - to.length())))
                .append(to).append('\n');
        for (int i = 0; i < shifts.size(); i++) {
            Shift s = shifts.get(i);
            long last = alive.get(i) ? now : s.lastAt();
            // At least one column, even for a worker that started at the very end.
            int a = Math.min(WIDTH - 1, column(s.startedAt() - start, end - start));
            int b = Math.max(a + 1, column(last - start, end - start));
            char[] bar = " ".repeat(WIDTH).toCharArray();
            for (int c = a; c < b; c++) {
                bar[c] = '=';
            }
            if (s.crashed()) {
                bar[b - 1] = 'X';
            } else if (alive.get(i)) {
                bar[b - 1] = '>';
            }
            out.append(String.format(Locale.ROOT, "%-" + label + "s  |%s| %s%n", "pid " + s.pid(), new String(bar),
                    describe(s, alive.get(i), now)));
        }
        return out.toString();
    }

    private static String describe(Shift s, boolean alive, long now) {
        Lang lang = Lang.current();
        StringBuilder d = new StringBuilder(lang.pick("received ", "recebeu ")).append(list(s.received()))
                .append(lang.pick(", hashed ", ", processou ")).append(list(s.hashed()))
                .append(lang.pick(" (its counter: ", " (seu contador: ")).append(s.counter()).append(')');
        if (!s.held().isEmpty()) {
            d.append(lang.pick(", held ", ", segurou ")).append(list(s.held())).append(lang.pick(
                    " without answering (it waits for the crash to be dealt with)",
                    " sem responder (espera alguém cuidar da quebra)"));
        }
        if (s.chatteringOn() >= 0) {
            d.append(String.format(lang.locale(), lang.pick(", writing its stderr log for %.1f s",
                    ", escrevendo o log do seu stderr há %.1f s"), (now - s.chatteringSince()) / 1000.0));
        }
        if (s.crashed()) {
            d.append(lang.pick(", crashed with exit code ", ", quebrou com código de saída ")).append(s.crashCode());
        } else if (s.exited()) {
            d.append(lang.pick(", exited", ", saiu"));
        }
        if (alive) {
            d.append(lang.pick(", STILL ALIVE", ", AINDA VIVO"));
        }
        return d.toString();
    }

    private static String list(List<Integer> blocks) {
        return blocks.isEmpty() ? "-" : blocks.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static int column(long offset, long range) {
        return (int) Math.min(WIDTH, Math.round((double) offset * WIDTH / range));
    }

    private static Shift read(Path file) {
        String name = file.getFileName().toString();
        long pid = Long.parseLong(name.substring(PAGE_PREFIX.length(), name.length() - PAGE_SUFFIX.length()));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            text = "";
        }
        long startedAt = Long.MAX_VALUE;
        long lastAt = 0;
        List<Integer> received = new ArrayList<>();
        List<Integer> hashed = new ArrayList<>();
        int counter = 0;
        String meeting = "";
        int crashCode = 0;
        long crashedAt = 0;
        int chatteringOn = -1;
        long chatteringSince = 0;
        boolean exited = false;
        List<Integer> held = new ArrayList<>();
        // The last line may be half written while the worker runs: only whole lines count.
        String whole = text.substring(0, text.lastIndexOf('\n') + 1);
        for (String line : whole.lines().toList()) {
            String[] w = line.split(" ");
            long at = Long.parseLong(w[0]);
            startedAt = Math.min(startedAt, at);
            lastAt = Math.max(lastAt, at);
            switch (w[1]) {
                case "got" -> received.add(Integer.parseInt(w[2]));
                case "digest" -> {
                    hashed.add(Integer.parseInt(w[2]));
                    counter = Integer.parseInt(w[3]);
                }
                case "met", "alone" -> meeting = w[1];
                case "crash" -> {
                    crashCode = Integer.parseInt(w[2]);
                    crashedAt = at;
                }
                case "chatter" -> {
                    chatteringOn = Integer.parseInt(w[2]);
                    chatteringSince = at;
                }
                case "chattered" -> chatteringOn = -1;
                case "hold" -> held.add(Integer.parseInt(w[2]));
                case "exit" -> exited = true;
                default -> {
                    // "start", "bad-request": the times above are all a test needs of them.
                }
            }
        }
        if (startedAt == Long.MAX_VALUE) {
            // A worker that has opened its page and not written a whole line yet: it is just starting.
            startedAt = modified(file);
            lastAt = startedAt;
        }
        return new Shift(pid, startedAt, lastAt, List.copyOf(received),
                List.copyOf(hashed), counter, meeting, crashCode, crashedAt, chatteringOn, chatteringSince, exited,
                List.copyOf(held));
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    /**
     * The command of hash workers that keep their pages in a ledger, and what a test asks of them besides
     * hashing. Every wait it adds is bounded.
     */
    public static final class Hiring {
        private final Path dir;
        private int meetParties;
        private Duration meetTimeout = Duration.ZERO;
        private int crashOnBlock;
        private int crashCode;
        private int chatterBytes;
        private Duration stall = Duration.ZERO;
        private Duration hold = Duration.ZERO;

        private Hiring(Path dir) {
            this.dir = dir;
        }

        /**
         * Each worker holds its first block (before hashing it) until {@code parties} workers have each
         * received a block, or until {@code timeout} breaks the meeting (then every worker goes on at once). So
         * no worker can hash everything before the others are up: a correct fan-out always uses
         * {@code parties} processes.
         */
        public Hiring meetAtOnce(int parties, Duration timeout) {
            if (parties < 1) {
                throw new IllegalArgumentException("parties must be at least 1, was " + parties);
            }
            meetParties = parties;
            meetTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The first worker to receive a block exits with {@code exitCode} as soon as it receives its
         * {@code nth} block, without answering that block (the other workers never crash).
         */
        public Hiring crashOnBlock(int nth, int exitCode) {
            if (nth < 1) {
                throw new IllegalArgumentException("nth must be at least 1, was " + nth);
            }
            crashOnBlock = nth;
            crashCode = exitCode;
            return this;
        }

        /**
         * With {@link #crashOnBlock}: every worker but the one that crashes holds each block it receives,
         * without answering, for {@code atMost} (or until it is killed). So the crash is the only thing that can
         * end the call early: a caller that waits for the other workers before it reports the crash is still
         * waiting when the test looks.
         */
        public Hiring othersHold(Duration atMost) {
            hold = Objects.requireNonNull(atMost, "atMost");
            return this;
        }

        /** Each worker writes {@code bytesPerBlock} of log lines to its stderr before it hashes each block. */
        public Hiring chatter(int bytesPerBlock) {
            chatterBytes = bytesPerBlock;
            return this;
        }

        /** Each worker waits this long before it hashes each block (a slow worker; it hashes nothing meanwhile). */
        public Hiring stallEachBlock(Duration pause) {
            stall = Objects.requireNonNull(pause, "pause");
            return this;
        }

        /** The command that starts one such worker; start as many as you like from it. */
        public WorkerCommand command() {
            return WorkerCommand.forMain(HashWorker.class, new HashWorker.Orders(dir, meetParties,
                    meetTimeout.toMillis(), crashOnBlock, crashCode, chatterBytes, stall.toMillis(),
                    hold.toMillis()).toArgs());
        }
    }

    // ---- what the workers call, in their own JVMs ----

    /** A worker's page: one line per event, {@code <epoch millis> <event> [details]}, appended as it happens. */
    static final class Page {
        private final OutputStream out;

        private Page(OutputStream out) {
            this.out = out;
        }

        /** Appends one line; a page that cannot be written is not worth stopping a worker for. */
        void write(Object... words) {
            if (out == null) {
                return;
            }
            StringBuilder line = new StringBuilder().append(System.currentTimeMillis());
            for (Object w : words) {
                line.append(' ').append(w);
            }
            try {
                // One write per line, unbuffered: a reader sees whole lines, or a half line at the very end.
                out.write(line.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // See above.
            }
        }
    }

    /** The page of worker {@code pid} in the ledger at {@code dir}; a page that writes nothing if dir is null. */
    static Page page(Path dir, long pid) throws IOException {
        if (dir == null) {
            return new Page(null);
        }
        return new Page(new FileOutputStream(dir.resolve(PAGE_PREFIX + pid + PAGE_SUFFIX).toFile(), true));
    }

    /** True for exactly one caller per ledger: the worker that crashes (the first to ask). */
    static boolean claimCrash(Path dir) {
        try {
            Files.createFile(dir.resolve(CRASH_CLAIMED));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Worker {@code pid} arrives at the meeting and waits until {@code parties} workers have arrived, or until
     * {@code timeout} passes; then the meeting is broken for everyone and later arrivals go on at once.
     *
     * @return true if the meeting happened
     */
    static boolean meet(Path dir, long pid, int parties, Duration timeout) throws InterruptedException {
        try {
            Files.createFile(dir.resolve(ARRIVED_PREFIX + pid));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (Files.exists(dir.resolve(MEETING_BROKEN))) {
                    return false;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.filter(f -> f.getFileName().toString().startsWith(ARRIVED_PREFIX)).count() >= parties) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    try {
                        Files.createFile(dir.resolve(MEETING_BROKEN));
                    } catch (FileAlreadyExistsException e) {
                        // Another worker broke it first.
                    }
                    return false;
                }
                Thread.sleep(MEET_POLL_MILLIS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
