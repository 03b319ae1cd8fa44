package kitchen.onions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChoppingBoardTest {

    private static final Duration LONG = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(200);

    private final List<byte[]> blocks = Onions.bag(6, 10_000);

    private static String sha256(byte[] block) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(block));
    }

    @Test
    void chopsToTheSha256DigestInHex() throws Exception {
        ChoppingBoard board = new ChoppingBoard();
        MessageDigest knife = board.newKnife();

        assertThat(board.chop(knife, blocks.get(0))).isEqualTo(sha256(blocks.get(0)));
        assertThat(board.chop(knife, blocks.get(1))).isEqualTo(sha256(blocks.get(1)));
        assertThat(board.chops()).isEqualTo(2);
        assertThat(board.journal().spans()).extracting(s -> s.what()).containsExactly("chop 1", "chop 2");
        assertThat(board.peakKnifeUsers()).isEqualTo(1);
        assertThat(board.knifeSharing()).isEmpty();
    }

    @Test
    void refusesAKnifeThatIsNotSha256() throws Exception {
        ChoppingBoard board = new ChoppingBoard();

        assertThatThrownBy(() -> board.chop(MessageDigest.getInstance("MD5"), blocks.get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> board.chop(null, blocks.get(0))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void countsAndLabelsTheBlocksItWasToldAbout() {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).build();

        board.chop(board.newKnife(), blocks.get(2));
        board.chop(board.newKnife(), blocks.get(0));
        board.chop(board.newKnife(), blocks.get(2));
        board.chop(board.newKnife(), blocks.get(0).clone());

        assertThat(board.chopsOf(2)).isEqualTo(2);
        assertThat(board.chopsOf(0)).isEqualTo(1);
        assertThat(board.chopsOf(1)).isZero();
        assertThat(board.returnOrder()).containsExactly(2, 0, 2, -1);
        assertThat(board.journal().spans()).extracting(s -> s.what())
                .containsExactly("block 2", "block 0", "block 2", "chop 4");
        assertThat(board.platformThreads()).isEqualTo(1);
        assertThat(board.virtualThreads()).isZero();
    }

    @Test
    void twoChefsMeetOnTheBoard() throws Exception {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).meetAtOnce(2, LONG).build();

        try (ExecutorService chefs = Executors.newFixedThreadPool(2)) {
            var a = chefs.submit(() -> board.chop(board.newKnife(), blocks.get(0)));
            var b = chefs.submit(() -> board.chop(board.newKnife(), blocks.get(1)));
            assertThat(a.get()).isEqualTo(sha256(blocks.get(0)));
            assertThat(b.get()).isEqualTo(sha256(blocks.get(1)));
        }
        assertThat(board.met()).isTrue();
        assertThat(board.peakAtOnce()).isEqualTo(2);
        assertThat(board.peakPlatformThreadsAtOnce()).isEqualTo(2);
        assertThat(board.platformThreads()).isEqualTo(2);
    }

    @Test
    void oneChefAloneBreaksTheMeetingAndLaterChopsGoOnAtOnce() {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).meetAtOnce(2, SHORT).build();

        long start = System.nanoTime();
        for (byte[] block : blocks) {
            board.chop(board.newKnife(), block);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG);
        assertThat(board.met()).isFalse();
        assertThat(board.peakAtOnce()).isEqualTo(1);
        assertThat(board.returnOrder()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void noticesOneKnifeInTwoChopsAtOnce() throws Exception {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).meetAtOnce(2, LONG).build();
        MessageDigest shared = board.newKnife();

        try (ExecutorService chefs = Executors.newFixedThreadPool(2)) {
            var a = chefs.submit(() -> board.chop(shared, blocks.get(0)));
            var b = chefs.submit(() -> board.chop(shared, blocks.get(1)));
            // The digests may come out wrong or the knife may throw: both are the point.
            for (var f : List.of(a, b)) {
                try {
                    f.get();
                } catch (Exception ignored) {
                    // a broken knife is an expected outcome here
                }
            }
        }
        assertThat(board.peakKnifeUsers()).isEqualTo(2);
        assertThat(board.knifeSharing()).contains(", ");
    }

    @Test
    void catchesACrowdOfPlatformThreads() throws Exception {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).catchCrowds(2, LONG).build();

        try (ExecutorService crowd = Executors.newFixedThreadPool(3)) {
            IntStream.range(0, 3).forEach(i -> crowd.submit(() -> board.chop(board.newKnife(), blocks.get(i))));
        }
        assertThat(board.crowded()).isTrue();
        assertThat(board.peakPlatformThreadsAtOnce()).isEqualTo(3);
    }

    @Test
    void letsASmallTeamAndVirtualThreadsThroughAfterItsPatience() throws Exception {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).catchCrowds(2, SHORT).build();

        try (ExecutorService team = Executors.newFixedThreadPool(2);
                ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, 4).forEach(i -> team.submit(() -> board.chop(board.newKnife(), blocks.get(i))));
            IntStream.range(4, 6).forEach(i -> virtual.submit(() -> board.chop(board.newKnife(), blocks.get(i))));
        }
        assertThat(board.crowded()).isFalse();
        assertThat(board.peakPlatformThreadsAtOnce()).isLessThanOrEqualTo(2);
        assertThat(board.virtualThreads()).isEqualTo(2);
        assertThat(board.chops()).isEqualTo(6);
    }

    @Test
    void theHeldBlockFinishesAfterAnotherChefCameBackForMore() throws Exception {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).holdBack(0, LONG).build();

        try (ExecutorService chefs = Executors.newVirtualThreadPerTaskExecutor()) {
            var held = chefs.submit(() -> board.chop(board.newKnife(), blocks.get(0)));
            var other = chefs.submit(() -> {
                board.chop(board.newKnife(), blocks.get(1));
                return board.chop(board.newKnife(), blocks.get(2));
            });
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(sha256(blocks.get(0)));
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(sha256(blocks.get(2)));
        }
        assertThat(board.returnOrder().getFirst()).isEqualTo(1);
        assertThat(board.holdBroken()).isFalse();
    }

    @Test
    void theHeldBlockGoesOnceEveryOtherBlockIsDone() {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks.subList(0, 3)).holdBack(2, LONG).build();

        for (byte[] block : blocks.subList(0, 3)) {
            board.chop(board.newKnife(), block);
        }
        assertThat(board.holdBroken()).isFalse();
        assertThat(board.returnOrder()).containsExactly(0, 1, 2);
    }

    @Test
    void aFixedSplitLetsTheHeldBlockGoOnceTheOtherChefHasEnded() throws Exception {
        // [0, 1] and [2]: the second chef never comes back, and block 1 waits behind the held block 0.
        List<byte[]> three = blocks.subList(0, 3);
        ChoppingBoard board = ChoppingBoard.forBlocks(three).holdBack(0, LONG).build();

        Thread first = Thread.ofPlatform().start(() -> {
            MessageDigest knife = board.newKnife();
            board.chop(knife, three.get(0));
            board.chop(knife, three.get(1));
        });
        Thread second = Thread.ofPlatform().start(() -> board.chop(board.newKnife(), three.get(2)));
        assertThat(first.join(Duration.ofSeconds(5))).isTrue();
        assertThat(second.join(Duration.ofSeconds(5))).isTrue();

        assertThat(board.holdBroken()).isFalse();
        assertThat(board.returnOrder()).containsExactly(2, 0, 1);
    }

    @Test
    void aFixedSplitLetsTheHeldBlockGoOnceTheOtherChefIsIdleInItsPool() throws Exception {
        List<byte[]> three = blocks.subList(0, 3);
        ChoppingBoard board = ChoppingBoard.forBlocks(three).holdBack(0, LONG).build();

        try (ExecutorService chefs = Executors.newFixedThreadPool(2)) {
            var held = chefs.submit(() -> {
                MessageDigest knife = board.newKnife();
                board.chop(knife, three.get(0));
                return board.chop(knife, three.get(1));
            });
            chefs.submit(() -> board.chop(board.newKnife(), three.get(2)));
            assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(sha256(three.get(1)));
        }
        assertThat(board.holdBroken()).isFalse();
        assertThat(board.returnOrder()).containsExactly(2, 0, 1);
    }

    @Test
    void theHeldBlockWaitsWhileTheChefWhoHandedADigestBackIsStillBusyWithIt() throws Exception {
        List<byte[]> three = blocks.subList(0, 3);
        ChoppingBoard board = ChoppingBoard.forBlocks(three).holdBack(0, LONG).build();
        AtomicBoolean putAway = new AtomicBoolean();

        try (ExecutorService chefs = Executors.newFixedThreadPool(2)) {
            var held = chefs.submit(() -> {
                MessageDigest knife = board.newKnife();
                boolean afterIt = board.chop(knife, three.get(0)) != null && putAway.get();
                board.chop(knife, three.get(1));
                return afterIt;
            });
            chefs.submit(() -> {
                board.chop(board.newKnife(), three.get(2));
                // Running, not parked: still putting the digest away, however long that takes.
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                putAway.set(true);
            });
            assertThat(held.get(5, TimeUnit.SECONDS)).as("block 0 finished after the digest was put away").isTrue();
        }
        assertThat(board.holdBroken()).isFalse();
    }

    @Test
    void aRottenBlockFailsItsChop() {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).rotten(1).build();

        board.chop(board.newKnife(), blocks.get(0));
        assertThatThrownBy(() -> board.chop(board.newKnife(), blocks.get(1)))
                .isInstanceOf(Rotten.class).hasMessage("onion 1 is rotten");

        assertThat(board.chopsOf(1)).isEqualTo(1);
        assertThat(board.returnOrder()).containsExactly(0);
        assertThat(board.journal().spans()).extracting(s -> s.outcome()).containsExactly("done", "failed");
    }

    @Test
    void theHoldBreaksWhenNothingElseComesBack() {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).holdBack(0, SHORT).build();

        board.chop(board.newKnife(), blocks.get(0));

        assertThat(board.holdBroken()).isTrue();
    }

    @Test
    void aLoneBlockIsNeverHeld() {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks.subList(0, 1)).holdBack(0, LONG).build();

        board.chop(board.newKnife(), blocks.get(0));

        assertThat(board.holdBroken()).isFalse();
    }

    @Test
    void anInterruptEndsTheWaitButNotTheChop() throws Exception {
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).meetAtOnce(2, LONG).build();

        Thread.currentThread().interrupt();
        try {
            assertThat(board.chop(board.newKnife(), blocks.get(0))).isEqualTo(sha256(blocks.get(0)));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(board.journal().spans().getFirst().outcome()).isEqualTo("done");
    }
}
