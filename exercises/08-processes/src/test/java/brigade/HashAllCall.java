package brigade;

import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import kitchen.grading.Lang;
import kitchen.workers.WorkerCommand;
import kitchen.workers.WorkerCrashed;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One call of {@link HeadChef#hashAll} on a thread of its own, so that a test can wait for it with a bound,
 * interrupt it, and look at the worker processes while it runs. A call that never ends stays on its daemon
 * thread; the test goes on.
 */
final class HashAllCall {

    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private volatile List<String> digests;
    private volatile Throwable failure;
    private volatile long endNanos;

    private HashAllCall(WorkerCommand worker, int workers, List<byte[]> blocks) {
        thread = Thread.ofPlatform().daemon().name("hashAll").unstarted(() -> {
            try {
                digests = HeadChef.hashAll(worker, workers, blocks);
            } catch (Throwable t) {
                failure = t;
            } finally {
                endNanos = System.nanoTime();
            }
        });
        thread.start();
    }

    /** Starts {@code HeadChef.hashAll(worker, workers, blocks)} on a new thread. */
    static HashAllCall start(WorkerCommand worker, int workers, List<byte[]> blocks) {
        return new HashAllCall(worker, workers, blocks);
    }

    boolean ended() {
        return endNanos != 0;
    }

    /**
     * Waits until the call ends, or {@code giveUp} says waiting longer is pointless, or {@code limit} passes.
     *
     * @return true if the call ended
     */
    boolean awaitEnd(Duration limit, BooleanSupplier giveUp) {
        try {
            await().pollInterval(Duration.ofMillis(20)).atMost(limit).until(() -> ended() || giveUp.getAsBoolean());
        } catch (ConditionTimeoutException e) {
            // The caller tells the student what the call was doing instead.
        }
        return ended();
    }

    boolean awaitEnd(Duration limit) {
        return awaitEnd(limit, () -> false);
    }

    /** Interrupts the call's thread, if it still runs. */
    void interrupt() {
        thread.interrupt();
    }

    /** What the call returned, or null if it threw or still runs. */
    List<String> digests() {
        return digests;
    }

    /** What the call threw, or null. */
    Throwable failure() {
        return failure;
    }

    /** The {@link WorkerCrashed} the call threw, as itself or somewhere among its causes. */
    Optional<WorkerCrashed> crash() {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WorkerCrashed crashed) {
                return Optional.of(crashed);
            }
        }
        return Optional.empty();
    }

    /** Seconds since the call ended, or since it started while it runs. */
    double seconds() {
        long from = ended() ? endNanos : startNanos;
        return (System.nanoTime() - from) / 1e9;
    }

    /** How the call ended, for messages: "returned 4 digests", "threw …", "is still running". */
    String outcome() {
        Lang lang = Lang.current();
        if (!ended()) {
            return lang.pick("is still running", "ainda está rodando");
        }
        if (failure != null) {
            return lang.pick("threw ", "lançou ") + failure;
        }
        return lang.pick("returned ", "devolveu ") + (digests == null ? "null" : digests.size() + " digests");
    }

    /**
     * The digests the blocks must have, computed with {@link MessageDigest} (not with the kit's hasher, whose
     * counter of blocks hashed in this JVM must not move).
     */
    static List<String> expected(List<byte[]> blocks) {
        try {
            List<String> digests = new ArrayList<>();
            for (byte[] block : blocks) {
                digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(block)));
            }
            return digests;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds with one decimal, for messages. */
    static String seconds(Duration d) {
        return String.format(Lang.current().locale(), "%.1f", d.toMillis() / 1000.0);
    }
}
