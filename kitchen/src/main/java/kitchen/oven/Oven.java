package kitchen.oven;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import kitchen.grading.Lang;
import kitchen.pantry.Crew;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;

/**
 * The kitchen's oven: baking is pure CPU work. {@code bake(dough, rounds)} hashes the dough with SHA-256,
 * then hashes the digest again, {@code rounds} times in all, and returns the last digest in hex. A bake never
 * waits for anything: it keeps one core busy from start to end, so more bakes at once than there are cores
 * only take turns on the same cores (and a virtual thread that bakes holds its carrier all along).
 *
 * <pre>{@code
 * Oven oven = new Oven();
 * String bread = oven.bake("rye", 10_000);   // 64 hex digits
 * }</pre>
 *
 * <p>Every bake is recorded: a span in the {@link #journal()} and the {@link #crew()} (how many bakes are in
 * the oven now, the most at once, which threads baked).
 *
 * <p>Graded tests also build ovens with a door ({@link #Oven(Rendezvous)}): every bake first meets the others
 * at the door, a {@link Rendezvous} that only bakes inside the oven at the same time can open, and that lets
 * everyone go on when its timeout passes. While a bake waits at the door it holds no core, so only the
 * caller's own bound decides how many bakes get in. An oven that {@link #keepsTheCoresBusyUntil keeps the
 * cores busy} makes every bake, once through the door, spin on its core until the test lets it go: the short
 * bakes of a test then hold their threads the way long real ones do, long enough to see what else can run.
 */
public final class Oven {

    /** The most rounds one bake may take. */
    public static final int MAX_ROUNDS = 1_000_000;

    private final Rendezvous door;
    private final Journal journal = new Journal();
    private final Crew crew = new Crew();
    private final AtomicInteger spinning = new AtomicInteger();
    private volatile CountDownLatch cooled;
    private volatile Duration spinAtMost;

    /** An oven that bakes at once. */
    public Oven() {
        this.door = null;
    }

    /** For graded tests: every bake first meets the others at {@code door}. */
    public Oven(Rendezvous door) {
        this.door = Objects.requireNonNull(door, "door");
    }

    /**
     * For graded tests: from now on every bake, once through the door, keeps its core busy until {@code cooled}
     * opens or {@code atMost} passes. It spins and never blocks, as a long bake would: on a platform thread the
     * system still shares the core with other threads; a virtual thread holds its carrier all along.
     */
    public Oven keepsTheCoresBusyUntil(CountDownLatch cooled, Duration atMost) {
        // atMost first: spin() reads cooled first, so a bake that sees the latch also sees its limit.
        this.spinAtMost = Objects.requireNonNull(atMost, "atMost");
        this.cooled = Objects.requireNonNull(cooled, "cooled");
        return this;
    }

    /** How many bakes are spinning now ({@link #keepsTheCoresBusyUntil}). */
    public int spinning() {
        return spinning.get();
    }

    /**
     * Bakes the dough on the calling thread: SHA-256 over its UTF-8 bytes, then over the previous digest,
     * {@code rounds} times in all.
     *
     * @param dough  what to bake; must not be null or empty
     * @param rounds how many times to hash, from 1 to {@link #MAX_ROUNDS}
     * @return the last digest, 64 lowercase hex digits
     * @throws IllegalArgumentException if {@code dough} is null or empty, or {@code rounds} is out of range
     * @throws InterruptedException     if the caller is interrupted while it waits at the door
     */
    public String bake(String dough, int rounds) throws InterruptedException {
        if (dough == null || dough.isEmpty()) {
            throw new IllegalArgumentException("nothing to bake: the dough is empty");
        }
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds must be from 1 to " + MAX_ROUNDS + ", was " + rounds);
        }
        Journal.Span span = journal.begin(Lang.current().pick("bake ", "assar ") + dough);
        crew.clockIn();
        String outcome = Lang.current().pick("interrupted", "interrompido");
        try {
            if (door != null) {
                door.arriveAndAwait();
            }
            spin();
            MessageDigest sha256 = sha256();
            byte[] digest = sha256.digest(dough.getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i < rounds; i++) {
                digest = sha256.digest(digest);
            }
            outcome = "done";
            return HexFormat.of().formatHex(digest);
        } finally {
            crew.clockOut();
            journal.end(span, outcome);
        }
    }

    /** Every bake as a span, with its thread. */
    public Journal journal() {
        return journal;
    }

    /** How many bakes are in the oven now, the most at once, and their threads. */
    public Crew crew() {
        return crew;
    }

    private void spin() {
        CountDownLatch until = cooled;
        if (until == null) {
            return;
        }
        long end = System.nanoTime() + spinAtMost.toNanos();
        spinning.incrementAndGet();
        try {
            // getCount() never blocks: this loop is CPU work, like a bake.
            while (until.getCount() > 0 && System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
        } finally {
            spinning.decrementAndGet();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
