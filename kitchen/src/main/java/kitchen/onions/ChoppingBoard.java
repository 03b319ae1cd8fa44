package kitchen.onions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;

import kitchen.grading.Lang;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;

/**
 * The kitchen's chopping board: it hashes one block of bytes with SHA-256 ("chops one onion") and
 * returns the digest as lowercase hex. Chopping is pure CPU work, the kind that only gets faster with
 * more cores working at the same time.
 *
 * <pre>{@code
 * MessageDigest knife = board.newKnife();
 * String digest = board.chop(knife, block);   // e.g. "3a1f…", 64 hex digits
 * }</pre>
 *
 * <p>The board is safe to use from many threads at once. It also watches: which thread chopped which
 * block and when (a {@link Journal}), how many chops were on the board at the same instant, how many
 * platform threads took part, and whether one knife was in two chops at once. The graded tests read
 * these observations; some tests also make callers wait inside {@link #chop} for a moment (for
 * instance until a second chop is on the board), which correct code never notices.
 */
public final class ChoppingBoard {

    private static final String ALGORITHM = "SHA-256";
    /** How often a held chop looks whether a chef who handed a digest back has gone idle. */
    private static final long IDLE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final HexFormat HEX = HexFormat.of();

    private final Map<byte[], Integer> numbers;
    private final int blockCount;
    private final Rendezvous meeting;
    private final Rendezvous crowd;
    private final int heldBlock;
    private final Duration holdTimeout;
    private final int rottenBlock;
    private final CountDownLatch heldMayGo = new CountDownLatch(1);
    private volatile boolean holdBroken;

    private final Journal journal = new Journal();
    private final AtomicInteger chops = new AtomicInteger();
    private final AtomicIntegerArray chopsPerBlock;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peakInside = new AtomicInteger();
    private final AtomicInteger platformInside = new AtomicInteger();
    private final AtomicInteger peakPlatformInside = new AtomicInteger();
    private final Set<Long> platformThreads = ConcurrentHashMap.newKeySet();
    private final Set<Long> virtualThreads = ConcurrentHashMap.newKeySet();
    private final Set<Long> handedBack = ConcurrentHashMap.newKeySet();
    /** The threads that handed back a digest of a block other than the held one. */
    private final Set<Thread> handers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger othersHandedBack = new AtomicInteger();
    private final ConcurrentLinkedQueue<Integer> returnOrder = new ConcurrentLinkedQueue<>();

    /** Knife → the workers holding it right now; guarded by itself. */
    private final Map<MessageDigest, List<Journal.Worker>> knivesInUse = new IdentityHashMap<>();
    private int peakKnifeUsers;
    private String knifeSharing = "";

    /** A board that does not know the blocks in advance: chops are labelled "chop 1", "chop 2"… */
    public ChoppingBoard() {
        this(new Builder(List.of()));
    }

    private ChoppingBoard(Builder b) {
        numbers = new IdentityHashMap<>();
        for (int i = 0; i < b.blocks.size(); i++) {
            numbers.putIfAbsent(b.blocks.get(i), i);
        }
        blockCount = b.blocks.size();
        chopsPerBlock = new AtomicIntegerArray(blockCount);
        meeting = b.meeting;
        crowd = b.crowd;
        heldBlock = b.heldBlock;
        holdTimeout = b.holdTimeout;
        rottenBlock = b.rottenBlock;
        if (blockCount < 2) {
            // No other block can come back before the held one.
            heldMayGo.countDown();
        }
    }

    /**
     * A board set up by a test for these blocks: chops are labelled "block 0", "block 1"… by their
     * position in {@code blocks} (the same array objects, not copies), and counted per block.
     */
    public static Builder forBlocks(List<byte[]> blocks) {
        return new Builder(blocks);
    }

    /** A fresh SHA-256 knife. A knife keeps state while it cuts: one knife per chef at a time. */
    public MessageDigest newKnife() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }

    /**
     * Chops one block: its SHA-256 digest, in lowercase hex, computed with {@code knife}.
     *
     * <p>Safe to call from many threads at once. The knife belongs to the caller and is used for this
     * block only; a knife that is in two chops at the same time cuts wrong digests (the board notices
     * and remembers it).
     *
     * @param knife a SHA-256 {@link MessageDigest}, e.g. from {@link #newKnife()}
     * @param block the bytes to hash; not changed
     * @return the 64 hex digits of the digest
     * @throws IllegalArgumentException if the knife is not SHA-256
     * @throws Rotten if a test set this board up to fail on this block ({@link Builder#rotten})
     */
    public String chop(MessageDigest knife, byte[] block) {
        Objects.requireNonNull(knife, "knife");
        Objects.requireNonNull(block, "block");
        if (!ALGORITHM.equals(knife.getAlgorithm())) {
            throw new IllegalArgumentException("this board chops with a " + ALGORITHM + " knife, not "
                    + knife.getAlgorithm() + ": take one from newKnife()");
        }
        Thread me = Thread.currentThread();
        int number = chops.incrementAndGet();
        Integer known = numbers.get(block);
        int index = known == null ? -1 : known;
        if (index >= 0) {
            chopsPerBlock.incrementAndGet(index);
        }
        if (handedBack.contains(me.threadId())) {
            // This thread handed a digest back to the caller's code and came back for more, so that digest
            // is already wherever the caller puts results: the held block may now finish after it.
            heldMayGo.countDown();
        }
        Journal.Span span = journal.begin(index >= 0 ? Lang.current().pick("block ", "bloco ") + index
                : Lang.current().pick("chop ", "corte ") + number);
        enter(me);
        pickUp(knife, span.worker());
        String outcome = Lang.current().pick("failed", "falhou");
        try {
            if (crowd != null && !me.isVirtual()) {
                await(crowd);
            }
            if (meeting != null) {
                await(meeting);
            }
            if (index >= 0 && index == rottenBlock) {
                throw new Rotten(index);
            }
            knife.reset();
            knife.update(block);
            String digest = HEX.formatHex(knife.digest());
            if (index >= 0 && index == heldBlock) {
                holdBack();
            }
            outcome = "done";
            return digest;
        } finally {
            putDown(knife, span.worker());
            leave(me);
            journal.end(span, outcome);
            if (outcome.equals("done")) {
                handBack(index, me);
            }
        }
    }

    private void enter(Thread me) {
        peakInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        if (me.isVirtual()) {
            virtualThreads.add(me.threadId());
        } else {
            platformThreads.add(me.threadId());
            peakPlatformInside.accumulateAndGet(platformInside.incrementAndGet(), Math::max);
        }
    }

    private void leave(Thread me) {
        inside.decrementAndGet();
        if (!me.isVirtual()) {
            platformInside.decrementAndGet();
        }
    }

    private void pickUp(MessageDigest knife, Journal.Worker worker) {
        synchronized (knivesInUse) {
            List<Journal.Worker> users = knivesInUse.computeIfAbsent(knife, k -> new ArrayList<>());
            users.add(worker);
            if (users.size() > peakKnifeUsers) {
                peakKnifeUsers = users.size();
                if (users.size() > 1) {
                    knifeSharing = users.stream().map(Journal.Worker::label).collect(Collectors.joining(", "));
                }
            }
        }
    }

    private void putDown(MessageDigest knife, Journal.Worker worker) {
        synchronized (knivesInUse) {
            List<Journal.Worker> users = knivesInUse.get(knife);
            users.remove(worker);
            if (users.isEmpty()) {
                knivesInUse.remove(knife);
            }
        }
    }

    private void handBack(int index, Thread me) {
        returnOrder.add(index);
        if (index != heldBlock) {
            handedBack.add(me.threadId());
            handers.add(me);
            if (othersHandedBack.incrementAndGet() >= blockCount - 1) {
                heldMayGo.countDown();
            }
        }
    }

    private void holdBack() {
        long deadline = System.nanoTime() + holdTimeout.toNanos();
        Set<Thread> idleOnce = new HashSet<>();
        try {
            while (!heldMayGo.await(Math.min(IDLE_CHECK_NANOS, Math.max(0, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS)) {
                if (aChefWentIdle(idleOnce)) {
                    heldMayGo.countDown();
                } else if (deadline - System.nanoTime() <= 0) {
                    holdBroken = true;
                    heldMayGo.countDown();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * True once a thread that handed back another block's digest has been seen idle (parked or ended) on
     * two checks in a row: whatever it did with that digest is done, so the held block may finish after it.
     * This lets a chef with nothing more to chop (a fixed split of the blocks, [0, 1] and [2]) release the
     * held block without coming back to the board; a thread that is still running, or blocked on a
     * monitor (putting the digest away), does not count.
     */
    private boolean aChefWentIdle(Set<Thread> idleOnce) {
        Thread me = Thread.currentThread();
        for (Thread chef : handers) {
            if (chef == me) {
                continue;
            }
            Thread.State state = chef.getState();
            boolean idle = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.TERMINATED;
            if (!idle) {
                idleOnce.remove(chef);
            } else if (!idleOnce.add(chef)) {
                return true;
            }
        }
        return false;
    }

    /** The board's waits only ever delay a chop; an interrupt ends the wait and keeps the flag set. */
    private static void await(Rendezvous rendezvous) {
        try {
            rendezvous.arriveAndAwait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every chop as a span: which block, on which thread, from when to when. */
    public Journal journal() {
        return journal;
    }

    /** How many times {@link #chop} was called. */
    public int chops() {
        return chops.get();
    }

    /** How many times the block at {@code index} (of {@link #forBlocks}) was chopped. */
    public int chopsOf(int index) {
        return chopsPerBlock.get(index);
    }

    /** Block positions in the order their chops returned; -1 for a block the board was not told about. */
    public List<Integer> returnOrder() {
        return List.copyOf(returnOrder);
    }

    /** The most chops that were on the board at one instant, on any kind of thread. */
    public int peakAtOnce() {
        return peakInside.get();
    }

    /** The most platform threads that were chopping at one instant. */
    public int peakPlatformThreadsAtOnce() {
        return peakPlatformInside.get();
    }

    /** How many distinct platform threads chopped. */
    public int platformThreads() {
        return platformThreads.size();
    }

    /** How many distinct virtual threads chopped. */
    public int virtualThreads() {
        return virtualThreads.size();
    }

    /** The most chops that used one knife at the same instant (1 when every chef had a knife of his own). */
    public int peakKnifeUsers() {
        synchronized (knivesInUse) {
            return peakKnifeUsers;
        }
    }

    /** The threads that first held one knife at the same time; empty if that never happened. */
    public String knifeSharing() {
        synchronized (knivesInUse) {
            return knifeSharing;
        }
    }

    /** True if the meeting set by {@link Builder#meetAtOnce} happened: that many chops at the same instant. */
    public boolean met() {
        return meeting != null && meeting.met();
    }

    /** True if the limit set by {@link Builder#catchCrowds} was exceeded while the board held callers. */
    public boolean crowded() {
        return crowd != null && crowd.met();
    }

    /** True if the block held by {@link Builder#holdBack} gave up waiting for another block to come back. */
    public boolean holdBroken() {
        return holdBroken;
    }

    /** Sets up a board for a test. Every wait it adds is bounded and breaks for good on its timeout. */
    public static final class Builder {
        private final List<byte[]> blocks;
        private Rendezvous meeting;
        private Rendezvous crowd;
        private int heldBlock = -1;
        private Duration holdTimeout = Duration.ZERO;
        private int rottenBlock = -1;

        private Builder(List<byte[]> blocks) {
            this.blocks = List.copyOf(blocks);
        }

        /**
         * Chops wait inside the board until {@code parties} of them are on it at the same instant, or
         * until {@code timeout} breaks the meeting (then every later chop goes on at once). Sequential
         * code can never meet.
         */
        public Builder meetAtOnce(int parties, Duration timeout) {
            meeting = new Rendezvous(parties, timeout);
            return this;
        }

        /**
         * Chops on platform threads wait inside the board until more than {@code allowed} platform
         * threads are chopping at the same instant (the crowd is caught: {@link ChoppingBoard#crowded()}),
         * or until {@code patience} runs out (then every later chop goes on at once). Virtual threads pass:
         * the JDK runs them on as many carrier threads as there are cores.
         */
        public Builder catchCrowds(int allowed, Duration patience) {
            crowd = new Rendezvous(allowed + 1, patience);
            return this;
        }

        /**
         * The chop of block {@code index} does not return until some other block's digest was handed back
         * and its thread either came back to the board for more or went idle (parked or ended: done with
         * that digest), or every other block was chopped, or {@code timeout} passed. So that block never
         * finishes first: code that collects digests in the order chops finish puts another digest before
         * it. Correct code is never held up for long, however it splits the blocks between its threads.
         */
        public Builder holdBack(int index, Duration timeout) {
            Objects.checkIndex(index, blocks.size());
            heldBlock = index;
            holdTimeout = timeout;
            return this;
        }

        /**
         * The chop of block {@code index} throws a {@link Rotten} instead of returning a digest (after the
         * meeting point of {@link #meetAtOnce}, so it still counts as on the board).
         */
        public Builder rotten(int index) {
            Objects.checkIndex(index, blocks.size());
            rottenBlock = index;
            return this;
        }

        public ChoppingBoard build() {
            return new ChoppingBoard(this);
        }
    }
}
