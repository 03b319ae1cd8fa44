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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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

    /** How long close() lets the orders already inside finish: short, as the README advises. */
    private static final int GRACE_SECONDS = 3;

    private final HttpServer server;
    private final Pantry pantry;
    private final Oven oven;
    private final ExecutorService orders;
    private final ExecutorService bakers;
    /** One permit per core: a bake must hold one while it is in the oven. */
    private final Semaphore ovenSlots;

    private Diner(HttpServer server, Pantry pantry, Oven oven, ExecutorService orders, ExecutorService bakers,
            Semaphore ovenSlots) {
        this.server = server;
        this.pantry = pantry;
        this.oven = oven;
        this.orders = orders;
        this.bakers = bakers;
        this.ovenSlots = ovenSlots;
    }

    /** Opens the diner on 127.0.0.1, on a free port, and starts taking orders. */
    public static Diner open(Pantry pantry, Oven oven) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        // Orders mostly wait (for the pantry, or for a free oven slot): a cheap virtual thread each.
        ExecutorService orders = Executors.newVirtualThreadPerTaskExecutor();
        // The bakes burn CPU on platform threads, so they never sit on the carriers the waiting orders need.
        // The pool itself is not the bound: the semaphore is.
        ExecutorService bakers = Executors.newCachedThreadPool();
        // No more bakes at once than cores; fair, so a bake that has waited longer gets in first.
        Semaphore ovenSlots = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
        Diner diner = new Diner(server, pantry, oven, orders, bakers, ovenSlots);
        server.createContext("/pantry", diner::fetch);
        server.createContext("/oven", diner::bake);
        server.setExecutor(orders);
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
        // stop() closes the listening socket first, then gives the exchanges in flight up to the grace to end.
        server.stop(GRACE_SECONDS);
        // No new tasks from now on; let the ones running finish, and only then cut what is left.
        for (ExecutorService pool : List.of(orders, bakers)) {
            pool.shutdown();
        }
        try {
            for (ExecutorService pool : List.of(orders, bakers)) {
                if (!pool.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            orders.shutdownNow();
            bakers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A parameter the guest got wrong: answered 400, naming the parameter. */
    private static final class BadOrder extends Exception {
        BadOrder(String reason) {
            super(reason);
        }
    }

    /** {@code GET /pantry?item=flour}: {@code 200 a jar of flour}, after the pantry's latency. */
    private void fetch(HttpExchange exchange) throws IOException {
        try {
            String item = required(query(exchange), "item");
            serve(exchange, () -> pantry.fetch(item));
        } catch (BadOrder bad) {
            respond(exchange, 400, bad.getMessage());
        }
    }

    /** {@code GET /oven?dough=rye&rounds=1000}: {@code 200} and the baked digest. */
    private void bake(HttpExchange exchange) throws IOException {
        try {
            Map<String, String> query = query(exchange);
            String dough = required(query, "dough");
            int rounds = rounds(required(query, "rounds"));
            serve(exchange, () -> bakeWithinBound(dough, rounds));
        } catch (BadOrder bad) {
            respond(exchange, 400, bad.getMessage());
        }
    }

    /**
     * The order's virtual thread waits for an oven slot (waiting is cheap), then for a baker to do the CPU
     * work; the slot is given back whatever happens.
     */
    private String bakeWithinBound(String dough, int rounds) throws InterruptedException, ExecutionException {
        ovenSlots.acquire();
        try {
            Future<String> bread = bakers.submit(() -> oven.bake(dough, rounds));
            try {
                return bread.get();
            } catch (InterruptedException e) {
                // Nobody waits for this bread any more: stop the baker before giving the slot back.
                bread.cancel(true);
                throw e;
            }
        } finally {
            ovenSlots.release();
        }
    }

    /** The parameter's value, or a bad order if it is missing or blank. */
    private static String required(Map<String, String> query, String name) throws BadOrder {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new BadOrder("missing " + name + ": this order needs ?" + name + "=…");
        }
        return value;
    }

    /** The rounds as a whole number from 1 to {@link Oven#MAX_ROUNDS}, or a bad order. */
    private static int rounds(String text) throws BadOrder {
        int rounds;
        try {
            rounds = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadOrder("rounds must be a whole number, was \"" + text + "\"");
        }
        if (rounds < 1 || rounds > Oven.MAX_ROUNDS) {
            throw new BadOrder("rounds must be from 1 to " + Oven.MAX_ROUNDS + ", was " + rounds);
        }
        return rounds;
    }

    /** The work of one order: it may wait, so a closing diner may interrupt it. */
    @FunctionalInterface
    private interface Work {
        String make() throws InterruptedException, ExecutionException;
    }

    /** Answers 200 with what the work made, 503 if the diner closed while the order waited, 500 if it failed. */
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
