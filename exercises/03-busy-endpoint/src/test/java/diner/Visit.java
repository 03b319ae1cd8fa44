package diner;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import kitchen.grading.Feedback;
import kitchen.grading.TimeScale;
import kitchen.oven.Oven;
import kitchen.pantry.Pantry;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One test's visit to a diner: opens it on the given pantry and oven, with guests to order, and at the end
 * releases the pantry, closes the diner and sends the guests home, bounded, whatever the test saw.
 */
final class Visit implements AutoCloseable {

    /**
     * The longest close() may take once nothing holds the orders inside any more. Orders a failed test left
     * open may still be served first, as a graceful close should.
     */
    static final Duration CLOSE_LIMIT = TimeScale.millis(15_000);

    final Pantry pantry;
    final Oven oven;
    final Diner diner;
    final Guests guests;
    private CompletableFuture<Void> closing;

    private Visit(Pantry pantry, Oven oven, Diner diner) {
        this.pantry = pantry;
        this.oven = oven;
        this.diner = diner;
        this.guests = new Guests(diner.address());
    }

    static Visit open(Pantry pantry, Oven oven) throws IOException {
        return new Visit(pantry, oven, Diner.open(pantry, oven));
    }

    /** Starts {@link Diner#close()} on a thread of its own (once); the future ends when close() returns. */
    synchronized CompletableFuture<Void> closeDiner() {
        if (closing == null) {
            closing = CompletableFuture.runAsync(diner::close,
                    task -> Thread.ofVirtual().name("closing the diner").start(task));
        }
        return closing;
    }

    /** True as soon as {@code condition} holds, false if it still does not after {@code limit}. */
    static boolean eventually(Duration limit, Callable<Boolean> condition) {
        return eventually(limit, Duration.ofMillis(10), condition);
    }

    /** {@link #eventually(Duration, Callable)}, asking every {@code interval}. */
    static boolean eventually(Duration limit, Duration interval, Callable<Boolean> condition) {
        try {
            await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(interval).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pantry.release();
        CompletableFuture<Void> closed = closeDiner();
        // The guests leave only after the diner closed: HttpServer.stop can miss a connection that a client
        // hangs up while it stops, and then waits its whole grace time.
        boolean done = eventually(CLOSE_LIMIT, closed::isDone);
        guests.close();
        if (!done) {
            throw Feedback.observed("close() had not returned %d s after the test ended",
                            "close() não tinha retornado %d s depois do fim do teste", CLOSE_LIMIT.toSeconds())
                    .expected("close() returns once the orders inside are answered",
                            "close() retorna assim que os pedidos lá dentro forem respondidos")
                    .hint("something in close() waits for work that never ends",
                            "algo em close() espera por um trabalho que nunca termina")
                    .error();
        }
    }
}
