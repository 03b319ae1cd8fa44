package diner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kitchen.oven.Oven;
import kitchen.pantry.Pantry;

/**
 * A small diner that takes orders over HTTP, on the JDK's {@link HttpServer}, on 127.0.0.1 and a free port.
 *
 * <ul>
 *   <li>{@code GET /pantry?item=flour} fetches the item from the slow {@link Pantry} and answers
 *       {@code 200 a jar of flour}. The pantry only makes the order <em>wait</em>: this route is I/O.</li>
 *   <li>{@code GET /oven?dough=rye&rounds=1000} bakes the dough in the {@link Oven} and answers {@code 200}
 *       with the digest. Baking keeps a core busy: this route is CPU work.</li>
 * </ul>
 */
public final class Diner implements AutoCloseable {

    /** How many connections may wait to be accepted: enough for a rush of orders (not the lesson). */
    static final int BACKLOG = 1024;

    /** Seconds close() gives the orders inside to finish before the server cuts them off. */
    private static final int GRACE_SECONDS = 5;

    private final HttpServer server;
    private final Pantry pantry;
    private final Oven oven;
    private final ExecutorService waiters;
    private final ThreadPoolExecutor bakers;

    private Diner(HttpServer server, Pantry pantry, Oven oven, ExecutorService waiters, ThreadPoolExecutor bakers) {
        this.server = server;
        this.pantry = pantry;
        this.oven = oven;
        this.waiters = waiters;
        this.bakers = bakers;
    }

    /** Opens the diner on 127.0.0.1, on a free port, and starts taking orders. */
    public static Diner open(Pantry pantry, Oven oven) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        // Every order gets its own virtual thread (named, so they are easy to spot in a thread dump):
        // while it waits for the pantry or for its bread, it gives its carrier back.
        ExecutorService waiters = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("order-", 1).factory());
        // Exactly one platform thread per core, never more: extra bakes queue here instead of fighting for
        // the same cores.
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor bakers = new ThreadPoolExecutor(cores, cores, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("baker-", 1).factory());
        Diner diner = new Diner(server, pantry, oven, waiters, bakers);
        server.createContext("/pantry", diner::fetch);
        server.createContext("/oven", diner::bake);
        server.setExecutor(waiters);
        server.start();
        return diner;
    }

    /** The port the diner listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where to send orders: {@code http://127.0.0.1:<port>/}. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /**
     * Closes the diner: stops taking new orders, answers every order already inside, frees the port, and
     * shuts every executor the diner made.
     */
    @Override
    public void close() {
        // First the door: stop refuses new connections right away and waits (up to the grace) for the
        // exchanges already inside to be answered.
        server.stop(GRACE_SECONDS);
        // Then the staff: ExecutorService.close() shuts each pool down and waits for its running tasks.
        // Waiters first, because a waiter may still be handing its last bake to the bakers.
        waiters.close();
        bakers.close();
    }

    /** {@code GET /pantry?item=flour}: {@code 200 a jar of flour}, after the pantry's latency. */
    private void fetch(HttpExchange exchange) throws IOException {
        String item = query(exchange).get("item");
        if (item == null || item.isBlank()) {
            respond(exchange, 400, "item is missing: ask for /pantry?item=flour");
            return;
        }
        serve(exchange, () -> pantry.fetch(item));
    }

    /** {@code GET /oven?dough=rye&rounds=1000}: {@code 200} and the baked digest. */
    private void bake(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String dough = query.get("dough");
        String roundsText = query.get("rounds");
        if (dough == null || dough.isEmpty()) {
            respond(exchange, 400, "dough is missing: ask for /oven?dough=rye&rounds=1000");
            return;
        }
        OptionalInt parsed = roundsOf(roundsText);
        if (parsed.isEmpty()) {
            respond(exchange, 400, "rounds must be a whole number from 1 to " + Oven.MAX_ROUNDS);
            return;
        }
        int rounds = parsed.getAsInt();
        serve(exchange, () -> {
            // The bake runs on a baker; this order's virtual thread only waits for the bread.
            CompletableFuture<String> bread = CompletableFuture.supplyAsync(() -> {
                try {
                    return oven.bake(dough, rounds);
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            }, bakers);
            return bread.get();
        });
    }

    /** The rounds if the text is a whole number the oven accepts (1 to {@link Oven#MAX_ROUNDS}), else empty. */
    private static OptionalInt roundsOf(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        try {
            int rounds = Integer.parseInt(text);
            return rounds >= 1 && rounds <= Oven.MAX_ROUNDS ? OptionalInt.of(rounds) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The work of one order: it may wait, so a closing diner may interrupt it. */
    @FunctionalInterface
    private interface Work {
        String make() throws InterruptedException, ExecutionException;
    }

    /**
     * Answers 200 with what the work made, 503 if the diner closed while the order waited, or 500 if the
     * work failed on a baker.
     */
    private static void serve(HttpExchange exchange, Work work) throws IOException {
        try {
            respond(exchange, 200, work.make());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, "the diner is closing");
        } catch (ExecutionException e) {
            respond(exchange, 500, "the kitchen failed: " + e.getCause());
        }
    }

    /** The request's query parameters, decoded ({@code ?item=brown%20sugar} gives item = "brown sugar"). */
    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Sends the whole answer as UTF-8 text and ends the exchange. */
    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
