package diner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import kitchen.grading.Lang;
import kitchen.grading.TimeScale;

/**
 * The diner's guests, for the tests: an HTTP/1.1 client whose work runs on virtual threads, so that hundreds
 * of orders can be open at once. Every order ends within {@link #ORDER_LIMIT}, answered or not.
 *
 * <p>Each order is a blocking {@code send} on a virtual thread of the guests' own, never {@code sendAsync}: the
 * JDK's client completes the futures of {@code sendAsync} on the common {@code ForkJoinPool}, and a diner that
 * keeps that pool busy would then silence the guests, not its own answers.
 */
final class Guests implements AutoCloseable {

    /** The longest one order may take, answered or not. */
    static final Duration ORDER_LIMIT = TimeScale.millis(20_000);

    /** What came back for one order: a status and a body, or why nothing came ({@code failure}). */
    record Answer(int status, String body, String failure) {

        static Answer none(Throwable why) {
            Throwable cause = why instanceof CompletionException ? why.getCause() : why;
            cause = cause instanceof UncheckedIOException ? cause.getCause() : cause;
            return new Answer(-1, "", String.valueOf(cause));
        }

        boolean is(int expectedStatus, String expectedBody) {
            return failure == null && status == expectedStatus && body.equals(expectedBody);
        }

        /** {@code 200 "a jar of flour"}, or {@code no answer (java.net.ConnectException)}. */
        String describe() {
            if (failure != null) {
                return Lang.current().pick("no answer (", "nenhuma resposta (") + failure + ")";
            }
            String shown = body.length() > 80 ? body.substring(0, 80) + "…" : body;
            return status + " \"" + shown + "\"";
        }
    }

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .executor(executor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(ORDER_LIMIT)
            .build();
    private final URI diner;

    Guests(URI diner) {
        this.diner = diner;
    }

    /** Sends {@code GET pathAndQuery} (e.g. {@code /pantry?item=flour}) without waiting for the answer. */
    CompletableFuture<Answer> order(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(diner.resolve(pathAndQuery)).timeout(ORDER_LIMIT).GET().build();
        return CompletableFuture.supplyAsync(() -> send(request), executor)
                // The request timeout covers the headers only; this bounds the body too.
                .orTimeout(ORDER_LIMIT.toMillis() + 1_000, TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure == null
                        ? new Answer(response.statusCode(), response.body(), null)
                        : Answer.none(failure));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** Sends one order and waits for what comes back (bounded by {@link #ORDER_LIMIT}). */
    Answer orderAndWait(String pathAndQuery) {
        return order(pathAndQuery).join();
    }

    /** Waits for every order (each is bounded), in the order they were sent. */
    static List<Answer> answers(List<CompletableFuture<Answer>> orders) {
        return orders.stream().map(CompletableFuture::join).toList();
    }

    /** What {@code /oven?dough=…&rounds=…} must answer, computed without the oven. */
    static String bread(String dough, int rounds) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = dough.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < rounds; i++) {
                digest = sha256.digest(digest);
            }
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops every open order and connection at once, so a diner that waits for them can close. */
    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
