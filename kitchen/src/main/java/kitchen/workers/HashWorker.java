package kitchen.workers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.grading.Lang;

/**
 * A hash worker: the main class of a worker process that hashes blocks of bytes with SHA-256 for the
 * process that started it. Start it with {@link WorkerCommand}; talk to it over its standard streams, one
 * line per message (ASCII):
 *
 * <pre>
 * worker → its stdout   ready &lt;pid&gt;                    once, when it is up (its process id)
 * you    → its stdin    hash &lt;index&gt; &lt;block in Base64&gt;   one line per block: {@link #request(int, byte[])}
 * worker → its stdout   digest &lt;index&gt; &lt;64 hex digits&gt;  one line per request, in the order of the requests:
 *                                                    {@link Answer#parse(String)}
 * you    → close its stdin                           no more work: it answers what it got and exits with 0
 * worker → its stderr   anything                     its log, free text; a worker may write a lot there
 * </pre>
 *
 * <p>A worker works on one block at a time. Its stdout carries only the lines above; its log goes to stderr,
 * which is a pipe like the others: something must read it (or it must be redirected), or the worker stops
 * as soon as the pipe's small buffer is full. A line it cannot read makes it exit with {@link #BAD_REQUEST}.
 * A worker also exits when the process that started it is gone.
 *
 * <p>Every JVM has its own copy of this class's static counter, {@link #hashedHere()}: the blocks a worker
 * hashes count in the worker's JVM, never in the JVM that started it.
 */
public final class HashWorker {

    /** The first word of the line a worker writes when it is up. */
    public static final String READY = "ready";
    /** The first word of a request. */
    public static final String HASH = "hash";
    /** The first word of an answer. */
    public static final String DIGEST = "digest";
    /** The exit code of a worker that received a line it cannot read. */
    public static final int BAD_REQUEST = 2;
    /** The exit code of a worker whose parent process is gone. */
    static final int ORPHANED = 3;

    private static final AtomicInteger HASHED_HERE = new AtomicInteger();
    private static final HexFormat HEX = HexFormat.of();

    private HashWorker() {
    }

    /**
     * The SHA-256 digest of {@code block} as 64 lowercase hex digits, computed right here, in this JVM;
     * counted by {@link #hashedHere()}.
     */
    public static String sha256Hex(byte[] block) {
        try {
            String digest = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(block));
            HASHED_HERE.incrementAndGet();
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** How many blocks {@link #sha256Hex} hashed in this JVM, on any thread. */
    public static int hashedHere() {
        return HASHED_HERE.get();
    }

    /** The request line for one block (without the line break): {@code hash <index> <block in Base64>}. */
    public static String request(int index, byte[] block) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        return HASH + " " + index + " " + Base64.getEncoder().encodeToString(block);
    }

    /**
     * A worker's answer to one request.
     *
     * @param index  the index the request gave
     * @param digest the block's SHA-256 digest, 64 lowercase hex digits
     */
    public record Answer(int index, String digest) {

        /**
         * Reads one line of a worker's stdout.
         *
         * @return the answer, or empty if the line is not an answer (the {@code ready} line, for instance)
         */
        public static Optional<Answer> parse(String line) {
            if (line == null) {
                return Optional.empty();
            }
            String[] words = line.strip().split(" ");
            if (words.length != 3 || !words[0].equals(DIGEST) || words[2].length() != 64) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Answer(Integer.parseInt(words[1]), words[2]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** The line a worker writes for this answer. */
        @Override
        public String toString() {
            return DIGEST + " " + index + " " + digest;
        }
    }

    /** Runs one worker: see the class comment for the protocol. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Orders orders;
        try {
            orders = Orders.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("hash worker: " + e.getMessage());
            System.exit(BAD_REQUEST);
            return;
        }
        new Shift(orders).work();
    }

    /**
     * What a test asks of its workers besides hashing (see {@link Ledger.Hiring}), as command-line arguments.
     * Zero means "not asked".
     */
    record Orders(Path ledger, int meetParties, long meetMillis, int crashOnBlock, int crashCode,
            int chatterBytes, long stallMillis, long holdMillis) {

        static final Orders PLAIN = new Orders(null, 0, 0, 0, 0, 0, 0, 0);

        String[] toArgs() {
            List<String> args = new ArrayList<>();
            if (ledger != null) {
                args.addAll(List.of("--ledger", ledger.toString()));
            }
            if (meetParties > 0) {
                args.addAll(List.of("--meet", String.valueOf(meetParties), String.valueOf(meetMillis)));
            }
            if (crashOnBlock > 0) {
                args.addAll(List.of("--crash", String.valueOf(crashOnBlock), String.valueOf(crashCode)));
            }
            if (chatterBytes > 0) {
                args.addAll(List.of("--chatter", String.valueOf(chatterBytes)));
            }
            if (stallMillis > 0) {
                args.addAll(List.of("--stall", String.valueOf(stallMillis)));
            }
            if (holdMillis > 0) {
                args.addAll(List.of("--hold", String.valueOf(holdMillis)));
            }
            return args.toArray(String[]::new);
        }

        static Orders parse(String[] args) {
            Orders o = PLAIN;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--ledger" -> o = new Orders(Path.of(value(args, ++i, option)), o.meetParties, o.meetMillis,
                            o.crashOnBlock, o.crashCode, o.chatterBytes, o.stallMillis, o.holdMillis);
                    case "--meet" -> o = new Orders(o.ledger, number(args, ++i, option), number(args, ++i, option),
                            o.crashOnBlock, o.crashCode, o.chatterBytes, o.stallMillis, o.holdMillis);
                    case "--crash" -> o = new Orders(o.ledger, o.meetParties, o.meetMillis, number(args, ++i, option),
                            number(args, ++i, option), o.chatterBytes, o.stallMillis, o.holdMillis);
                    case "--chatter" -> o = new Orders(o.ledger, o.meetParties, o.meetMillis, o.crashOnBlock,
                            o.crashCode, number(args, ++i, option), o.stallMillis, o.holdMillis);
                    case "--stall" -> o = new Orders(o.ledger, o.meetParties, o.meetMillis, o.crashOnBlock,
                            o.crashCode, o.chatterBytes, number(args, ++i, option), o.holdMillis);
                    case "--hold" -> o = new Orders(o.ledger, o.meetParties, o.meetMillis, o.crashOnBlock,
                            o.crashCode, o.chatterBytes, o.stallMillis, number(args, ++i, option));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (o.ledger == null && (o.meetParties > 0 || o.crashOnBlock > 0)) {
                throw new IllegalArgumentException("--meet and --crash need a --ledger");
            }
            if (o.holdMillis > 0 && o.crashOnBlock == 0) {
                throw new IllegalArgumentException("--hold needs a --crash");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int number(String[] args, int i, String option) {
            try {
                return Integer.parseInt(value(args, i, option));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not " + args[i]);
            }
        }
    }

    /** One worker process's life: read requests until the end of stdin, answer each. */
    private static final class Shift {
        private final Orders orders;
        private final long pid = ProcessHandle.current().pid();
        private final Ledger.Page page;
        private final PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        private int received;
        /** True for the one worker that crashes: the first to receive a block, when a crash is ordered. */
        private boolean crasher;

        Shift(Orders orders) throws IOException {
            this.orders = orders;
            this.page = Ledger.page(orders.ledger(), pid);
        }

        void work() throws IOException, InterruptedException {
            stopWhenParentDies();
            page.write("start");
            out.println(READY + " " + pid);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    answer(line);
                }
            }
            page.write("exit");
        }

        private void answer(String line) throws InterruptedException {
            String[] words = line.strip().split(" ", 3);
            int index;
            byte[] block;
            try {
                if (!words[0].equals(HASH) || words.length < 2) {
                    throw new IllegalArgumentException("it does not start with \"" + HASH + " <index>\"");
                }
                index = Integer.parseInt(words[1]);
                block = Base64.getDecoder().decode(words.length == 3 ? words[2] : "");
            } catch (IllegalArgumentException e) {
                String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
                System.err.println("worker " + pid + " cannot read the request \"" + shown + "\" ("
                        + e.getMessage() + "): expected \"" + HASH + " <index> <block in Base64>\"");
                page.write("bad-request");
                System.exit(BAD_REQUEST);
                return;
            }
            received++;
            page.write("got", index);
            if (received == 1 && orders.crashOnBlock() > 0) {
                crasher = Ledger.claimCrash(orders.ledger());
            }
            if (crasher && received == orders.crashOnBlock()) {
                crash(index);
            }
            if (!crasher && orders.holdMillis() > 0) {
                // Busy until the crash has been dealt with: a caller that waits for this worker before it
                // reports the crash waits as long as the test cares to look.
                page.write("hold", index);
                Thread.sleep(orders.holdMillis());
            }
            if (received == 1 && orders.meetParties() > 0) {
                boolean met = Ledger.meet(orders.ledger(), pid, orders.meetParties(),
                        Duration.ofMillis(orders.meetMillis()));
                page.write(met ? "met" : "alone");
            }
            if (orders.chatterBytes() > 0) {
                chatter(index);
            }
            if (orders.stallMillis() > 0) {
                Thread.sleep(orders.stallMillis());
            }
            String digest = sha256Hex(block);
            page.write("digest", index, hashedHere());
            out.println(new Answer(index, digest));
            out.flush();
        }

        private void crash(int index) {
            page.write("crash", orders.crashCode());
            System.err.println(Lang.current().pick("worker " + pid + " dropped its knife on block " + index
                    + " and crashed with exit code " + orders.crashCode(), "o trabalhador " + pid + " deixou cair a faca "
                    + "no bloco " + index + " e quebrou com código de saída " + orders.crashCode()));
            System.err.flush();
            // Like a real crash: no shutdown hooks, no goodbye on stdout.
            Runtime.getRuntime().halt(orders.crashCode());
        }

        /** Writes {@code chatterBytes} of log to stderr; this blocks while nobody empties the pipe. */
        private void chatter(int index) {
            page.write("chatter", index);
            // About 8 KB per write: a megabyte of log in a hundred or so system calls.
            byte[] lines = ("worker " + pid + " hums while it chops block " + index + ": la la la la la la la\n")
                    .repeat(100).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < orders.chatterBytes(); written += lines.length) {
                System.err.write(lines, 0, lines.length);
            }
            System.err.flush();
            page.write("chattered", index);
        }

        /** A worker that outlives the process that started it would have nobody to answer to. */
        private static void stopWhenParentDies() {
            ProcessHandle.current().parent()
                    .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(ORPHANED)));
        }
    }
}
