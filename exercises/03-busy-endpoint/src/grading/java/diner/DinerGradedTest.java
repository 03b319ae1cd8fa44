package diner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.grading.Points;
import kitchen.grading.TimeScale;
import kitchen.oven.Oven;
import kitchen.pantry.Pantry;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;
import kitchen.trace.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The graded properties of the busy diner. Overlap and bounds are proven by rendezvous inside the kit's
 * pantry and oven (which sequential or bounded code can never open, and which give up after a timeout so
 * that wrong code fails fast); the clock is only a second check, with a wide margin.
 */
class DinerGradedTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** The pantry's latency for the rush: 200 orders one after another would take 20 s. */
    private static final Duration LATENCY = Duration.ofMillis(100);
    /** The pantry's latency where only correctness and threads matter. */
    private static final Duration QUICK = Duration.ofMillis(20);
    private static final int RUSH = 200;
    /** The pantry gate opens only when this many orders wait in it at the same time. */
    private static final int GATHERED = 100;
    /** How long the pantry's gate waits for its party before it gives up and lets everyone go on. */
    private static final Duration GATE_LIMIT = TimeScale.millis(8_000);
    /** How long the oven's door waits for a second bake before it gives up and lets everyone go on. */
    private static final Duration DOOR_LIMIT = TimeScale.millis(3_000);
    /** How long an unbounded diner gets to crowd the oven's door: a bounded one waits it out in full. */
    private static final Duration CROWD_WINDOW = TimeScale.millis(2_000);
    /** The bound on any other wait for something that should happen at once. */
    private static final Duration WAIT_LIMIT = TimeScale.millis(5_000);
    /** Backstop for bakes kept spinning on their cores: longer than the whole check made while they spin. */
    private static final Duration SPIN_LIMIT = WAIT_LIMIT.multipliedBy(3);
    /** Second check for the rush, wide: about one latency is expected, and one after another takes 20 s. */
    private static final Duration RUSH_LIMIT = TimeScale.scaled(LATENCY.multipliedBy(RUSH / 2));
    /** Small bakes: the oven's bounds are proven by its door, not by how long a bake takes. */
    private static final int ROUNDS = 2_000;
    private static final int HELD = 3;

    private Visit visit;

    @AfterEach
    void leave() {
        if (visit != null) {
            visit.close();
        }
    }

    @Test
    @Tag("task:1")
    @Points(4)
    @DisplayName("200 pantry orders are all in the pantry at the same time and answered in about one latency")
    void allPantryOrdersWaitAtTheSameTime() throws IOException {
        Rendezvous gate = new Rendezvous(GATHERED, GATE_LIMIT);
        Pantry pantry = Pantry.gated(LATENCY, gate);
        visit = Visit.open(pantry, new Oven());
        // The first order pays for connecting and class loading, so the clock below times only the rush.
        expectAnswers(List.of(bakeOrder("warm-up")));

        long start = System.nanoTime();
        List<Order> rush = IntStream.range(0, RUSH).mapToObj(i -> fetchOrder("spice" + i)).toList();
        List<CompletableFuture<Guests.Answer>> sent = send(rush);
        Visit.eventually(GATE_LIMIT.plus(WAIT_LIMIT), () -> gate.met() || gate.broken());

        assertThat(gate.met()).withFailMessage(Feedback
                        .observed("only %d of %d orders were in the pantry at the same time "
                                        + "(the pantry waited %d ms for %d of them)",
                                "só %d de %d pedidos estiveram na despensa ao mesmo tempo "
                                        + "(a despensa esperou %d ms por %d deles)",
                                pantry.crew().peak(), RUSH, GATE_LIMIT.toMillis(), GATHERED)
                        .expected("at least %d orders waiting in the pantry together: waiting costs no core, "
                                        + "so every order can wait at once",
                                "pelo menos %d pedidos esperando juntos na despensa: esperar não gasta núcleo, "
                                        + "então todos os pedidos podem esperar ao mesmo tempo", GATHERED)
                        .hint("who runs your handlers? With no executor the HttpServer's own thread takes one "
                                        + "order at a time, and a pool of N threads takes N; an order that only "
                                        + "waits needs a thread that is cheap to have by the hundred",
                                "quem roda os seus handlers? Sem executor, a própria thread do HttpServer atende "
                                        + "um pedido por vez, e um pool de N threads atende N; um pedido que só "
                                        + "espera precisa de uma thread barata de ter às centenas")
                        .picture(() -> Timeline.of(pantry.journal())))
                .isTrue();

        List<Guests.Answer> answers = Guests.answers(sent);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        expectAnswers(rush, answers);
        assertThat(took).withFailMessage(Feedback
                        .observed("the %d orders took %d ms in all, with a pantry latency of %d ms",
                                "os %d pedidos levaram %d ms ao todo, com latência da despensa de %d ms",
                                RUSH, took.toMillis(), LATENCY.toMillis())
                        .expected("about one latency once they are all inside; here at most %d ms, half of "
                                        + "what one order after another takes",
                                "cerca de uma latência depois que todos entram; aqui no máximo %d ms, metade do "
                                        + "que leva um pedido depois do outro",
                                RUSH_LIMIT.toMillis())
                        .hint("something in the way of the orders runs one at a time, or waits for more than "
                                        + "the pantry",
                                "algo no caminho dos pedidos roda um por vez, ou espera mais do que a despensa")
                        .picture(() -> Timeline.of(pantry.journal())))
                .isLessThan(RUSH_LIMIT);
    }

    @Test
    @Tag("task:1")
    @Points(2)
    @DisplayName("pantry orders wait on virtual threads")
    void pantryOrdersWaitOnVirtualThreads() throws IOException {
        Pantry pantry = new Pantry(QUICK);
        visit = Visit.open(pantry, new Oven());

        List<Order> orders = IntStream.range(0, 10).mapToObj(i -> fetchOrder("herb" + i)).toList();
        expectAnswers(orders);

        List<Journal.Span> fetches = pantry.journal().spans();
        List<String> platform = fetches.stream().map(Journal.Span::worker).filter(w -> !w.virtual())
                .map(Journal.Worker::label).distinct().toList();
        long onPlatform = fetches.stream().filter(s -> !s.worker().virtual()).count();
        assertThat(onPlatform).withFailMessage(Feedback
                        .observed("%d of %d pantry orders waited on a platform thread (%s)",
                                "%d de %d pedidos à despensa esperaram numa thread de plataforma (%s)",
                                onPlatform, fetches.size(), String.join(", ", platform))
                        .expected("every pantry order waits on a virtual thread of its own",
                                "todo pedido à despensa espera numa thread virtual própria")
                        .hint("a platform thread is an operating-system thread with a big stack: a pool of them "
                                        + "caps how many orders can wait, and one each costs memory; a virtual "
                                        + "thread that waits gives its carrier back to the others",
                                "uma thread de plataforma é uma thread do sistema operacional com uma pilha grande: "
                                        + "um pool delas limita quantos pedidos podem esperar, e uma para cada custa "
                                        + "memória; uma thread virtual que espera devolve o seu carregador às outras")
                        .picture(() -> Timeline.of(pantry.journal())))
                .isZero();
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("the oven never holds more bakes at once than there are cores, and pantry orders go on meanwhile")
    void theOvenNeverHoldsMoreBakesThanCores() throws IOException {
        // Opens only if one bake more than the cores is inside at once: a bounded diner never opens it. The
        // test lets everyone in itself; the door's own timeout is only a backstop.
        Rendezvous door = new Rendezvous(CORES + 1, GATE_LIMIT);
        // Once through the door, each bake keeps its core busy until the test cools the oven, as a long bake would.
        CountDownLatch cooled = new CountDownLatch(1);
        Oven oven = new Oven(door).keepsTheCoresBusyUntil(cooled, SPIN_LIMIT);
        visit = Visit.open(new Pantry(QUICK), oven);
        // The pantry order below must be answered while bakes wait at the door: let it not pay for a cold start.
        expectAnswers(List.of(fetchOrder("pepper")));

        List<Order> loaves = IntStream.range(0, 2 * CORES + 2).mapToObj(i -> bakeOrder("loaf" + i)).toList();
        List<CompletableFuture<Guests.Answer>> baking = send(loaves);
        // peak, not working: an unbounded diner may get every bake in and out between two looks.
        boolean started = Visit.eventually(WAIT_LIMIT, () -> oven.crew().peak() > 0);
        assertThat(started).withFailMessage(Feedback
                        .observed("no oven order reached the oven within %d ms",
                                "nenhum pedido ao forno chegou ao forno em %d ms", WAIT_LIMIT.toMillis())
                        .expected("each oven order bakes in the oven", "cada pedido ao forno assa no forno")
                        .hint("does /oven call oven.bake?", "/oven chama oven.bake?"))
                .isTrue();
        // Sent while bakes wait at the door: a diner that takes one order at a time cannot answer it.
        CompletableFuture<Guests.Answer> salt = visit.guests.order("/pantry?item=salt");
        boolean saltWhileBaking = Visit.eventually(WAIT_LIMIT, salt::isDone) && !door.broken();
        // An unbounded diner crowds the door within this window; a bounded one never does. Then all may bake.
        Visit.eventually(CROWD_WINDOW, door::met);
        door.breakNow();
        // Now one bake per core spins. On platform threads the system shares the cores with the pantry's threads;
        // bakes on virtual threads hold every carrier, and no pantry order can run until a bake ends. A diner
        // with fewer bakers than cores leaves a core free: "one baker" is another test's business, and this check
        // is skipped at once when fewer bakes than cores ever got into the oven.
        boolean hot = oven.crew().peak() >= CORES && Visit.eventually(WAIT_LIMIT, () -> oven.spinning() >= CORES);
        CompletableFuture<Guests.Answer> sugar = hot ? visit.guests.order("/pantry?item=sugar") : null;
        boolean sugarWhileHot = !hot || Visit.eventually(WAIT_LIMIT, sugar::isDone) && oven.spinning() >= CORES
                && sugar.join().is(200, "a jar of sugar");
        int spun = oven.spinning();
        String sugarGot = !hot ? "" : sugar.isDone() ? sugar.join().describe()
                : Lang.current().pick("no answer", "nenhuma resposta");
        cooled.countDown();

        assertThat(oven.crew().peak()).withFailMessage(Feedback
                        .observed("%d bakes were in the oven at the same time, on a machine with %d cores",
                                "%d fornadas estiveram no forno ao mesmo tempo, numa máquina com %d núcleos",
                                oven.crew().peak(), CORES)
                        .expected("at most %d bakes at once: one per core", "no máximo %d fornadas de cada vez: "
                                + "uma por núcleo", CORES)
                        .hint("a bake never waits, so bakes beyond the cores only take turns on the same cores "
                                        + "(and on virtual threads they hold the carriers the pantry orders need); "
                                        + "bound the bakes, not the whole diner, to the number of cores",
                                "uma fornada nunca espera, então fornadas além dos núcleos só revezam os mesmos "
                                        + "núcleos (e em threads virtuais seguram os carregadores de que os pedidos "
                                        + "à despensa precisam); limite as fornadas, não o restaurante inteiro, ao "
                                        + "número de núcleos")
                        .picture(() -> Timeline.of(oven.journal())))
                .isLessThanOrEqualTo(CORES);
        assertThat(saltWhileBaking && salt.join().is(200, "a jar of salt")).withFailMessage(Feedback
                        .observed("a pantry order sent while bakes waited in the oven got %s within %d ms",
                                "um pedido à despensa enviado enquanto fornadas esperavam no forno recebeu %s em "
                                        + "%d ms",
                                salt.isDone() ? salt.join().describe() : Lang.current().pick("no answer",
                                        "nenhuma resposta"), WAIT_LIMIT.toMillis())
                        .expected("200 \"a jar of salt\": pantry orders go on while the oven is busy",
                                "200 \"a jar of salt\": pedidos à despensa seguem enquanto o forno está ocupado")
                        .hint("if one thread (or one pool) runs every order, a busy oven holds up the whole diner",
                                "se uma thread (ou um pool) roda todos os pedidos, um forno ocupado segura o "
                                        + "restaurante inteiro")
                        .picture(() -> Timeline.of(oven.journal())))
                .isTrue();
        assertThat(sugarWhileHot).withFailMessage(Feedback
                        .observed("a pantry order sent while %d bakes kept every core busy got %s within %d ms",
                                "um pedido à despensa enviado enquanto %d fornadas ocupavam todos os núcleos recebeu %s"
                                        + " em %d ms",
                                spun, sugarGot, WAIT_LIMIT.toMillis())
                        .expected("200 \"a jar of sugar\": pantry orders go on while every core bakes",
                                "200 \"a jar of sugar\": pedidos à despensa seguem enquanto todos os núcleos assam")
                        .hint("a bake never waits, so a bake on a virtual thread holds its carrier until it ends: one"
                                        + " per core takes every carrier the pantry orders need; bake on platform"
                                        + " threads of their own, which the system shares with everyone",
                                "uma fornada nunca espera, então uma fornada numa thread virtual segura o seu"
                                        + " carregador até o fim: uma por núcleo toma todos os carregadores de que os"
                                        + " pedidos à despensa precisam; asse em threads de plataforma próprias, que o"
                                        + " sistema reparte com todos")
                        .picture(() -> Timeline.of(oven.journal())))
                .isTrue();
        expectAnswers(loaves, Guests.answers(baking));
    }

    @Test
    @Tag("task:2")
    @Points(2)
    @DisplayName("baking uses more than one core when the machine has several")
    void theOvenBakesOnSeveralCores() throws IOException {
        assumeTrue(CORES >= 2, () -> Lang.current().pick(
                "this machine has one core: two bakes cannot run at once here, so this check cannot judge",
                "esta máquina tem um núcleo: duas fornadas não podem rodar juntas aqui, então esta verificação "
                        + "não pode julgar"));
        Rendezvous door = new Rendezvous(2, DOOR_LIMIT);
        Oven oven = new Oven(door);
        visit = Visit.open(new Pantry(QUICK), oven);

        List<Order> loaves = IntStream.range(0, 2 * CORES + 2).mapToObj(i -> bakeOrder("bun" + i)).toList();
        List<CompletableFuture<Guests.Answer>> baking = send(loaves);
        Visit.eventually(DOOR_LIMIT.plus(WAIT_LIMIT), () -> door.met() || door.broken());

        assertThat(door.met()).withFailMessage(Feedback
                        .observed("only one bake was in the oven at a time (the oven waited %d ms for a second one)",
                                "só uma fornada esteve no forno de cada vez (o forno esperou %d ms por uma segunda)",
                                DOOR_LIMIT.toMillis())
                        .expected("several bakes at once on this %d-core machine",
                                "várias fornadas ao mesmo tempo nesta máquina de %d núcleos", CORES)
                        .hint("bounding the bakes to the cores is not keeping a single baker: one thread uses "
                                        + "one core, whatever the machine has",
                                "limitar as fornadas aos núcleos não é manter um só padeiro: uma thread usa um "
                                        + "núcleo, tenha a máquina quantos tiver")
                        .picture(() -> Timeline.of(oven.journal())))
                .isTrue();
        expectAnswers(loaves, Guests.answers(baking));
    }

    @Test
    @Tag("task:3")
    @Points(3)
    @DisplayName("close answers the orders already in the pantry, frees the port and leaves no thread behind")
    void closeLetsTheOrdersInsideFinish() throws IOException {
        Pantry pantry = Pantry.holding(QUICK, Guests.ORDER_LIMIT);
        Oven oven = new Oven();
        visit = Visit.open(pantry, oven);
        int port = visit.diner.port();
        // A bake first, so that any baker thread the diner keeps exists before it closes.
        expectAnswers(List.of(bakeOrder("roll")));

        List<Order> held = IntStream.range(0, HELD).mapToObj(i -> fetchOrder("sugar" + i)).toList();
        List<CompletableFuture<Guests.Answer>> sent = send(held);
        boolean inside = Visit.eventually(WAIT_LIMIT, () -> pantry.crew().working() == HELD);
        assertThat(inside).withFailMessage(Feedback
                        .observed("only %d of %d pantry orders were inside the pantry at once",
                                "só %d de %d pedidos à despensa estiveram dentro dela ao mesmo tempo",
                                pantry.crew().working(), HELD)
                        .expected("all %d inside before the diner closes: closing is checked with orders that "
                                        + "wait at the same time (task 1)",
                                "os %d lá dentro antes de o restaurante fechar: o fechamento é verificado com "
                                        + "pedidos que esperam ao mesmo tempo (tarefa 1)", HELD)
                        .hint("do task 1 first", "faça a tarefa 1 primeiro"))
                .isTrue();

        try (Knocks knocks = new Knocks(port)) {
            CompletableFuture<Void> closing = visit.closeDiner();
            boolean refusing = Visit.eventually(WAIT_LIMIT, Duration.ofMillis(50), knocks::refused);
            assertThat(refusing).withFailMessage(Feedback
                            .observed("%d ms after close() began, port %d still took new connections",
                                    "%d ms depois de close() começar, a porta %d ainda aceitava conexões novas",
                                    WAIT_LIMIT.toMillis(), port)
                            .expected("close() stops taking new orders at once, even while orders are inside",
                                    "close() para de aceitar pedidos novos na hora, mesmo com pedidos lá dentro")
                            .hint("stop taking orders first, then wait for the ones inside",
                                    "primeiro pare de aceitar pedidos, depois espere os que estão lá dentro"))
                    .isTrue();
            expectOrdersInsideAnswered(held, sent, closing);
        }
        expectNothingLeftBehind(port);
    }

    /** Once the diner stopped taking orders with {@code held} still inside: lets them go, and checks. */
    private void expectOrdersInsideAnswered(List<Order> held, List<CompletableFuture<Guests.Answer>> sent,
            CompletableFuture<Void> closing) {
        visit.pantry.release();

        List<Guests.Answer> answers = Guests.answers(sent);
        List<String> dropped = IntStream.range(0, HELD).filter(i -> !answers.get(i).is(200, held.get(i).body()))
                .mapToObj(i -> "GET " + held.get(i).path() + " → " + answers.get(i).describe()).toList();
        assertThat(dropped).withFailMessage(Feedback
                        .observed("%d of %d orders already in the pantry got no answer when the diner closed:%n%s",
                                "%d de %d pedidos que já estavam na despensa ficaram sem resposta quando o "
                                        + "restaurante fechou:%n%s",
                                dropped.size(), HELD, String.join("\n", dropped))
                        .expected("close() lets the orders already inside finish, and they are answered 200",
                                "close() deixa terminar os pedidos que já estão lá dentro, e eles recebem 200")
                        .hint("a stop with no time to wait cuts the connections of the orders still inside; "
                                        + "read what the argument of HttpServer.stop means",
                                "um stop sem tempo de espera corta as conexões dos pedidos ainda lá dentro; "
                                        + "leia o que significa o argumento de HttpServer.stop"))
                .isEmpty();

        boolean closed = Visit.eventually(Visit.CLOSE_LIMIT, closing::isDone);
        String closeTrouble = !closed
                ? Lang.current().pick("had not returned " + Visit.CLOSE_LIMIT.toSeconds()
                                + " s after the orders inside were answered",
                        "não tinha retornado " + Visit.CLOSE_LIMIT.toSeconds()
                                + " s depois de os pedidos lá dentro serem respondidos")
                : closing.isCompletedExceptionally()
                        ? Lang.current().pick("threw ", "lançou ") + closing.exceptionNow()
                        : null;
        assertThat(closeTrouble).withFailMessage(Feedback
                        .observed("close() %s", "close() %s", closeTrouble)
                        .expected("close() returns once the orders inside are answered",
                                "close() retorna assim que os pedidos lá dentro são respondidos")
                        .hint("closing an executor waits for its tasks: is one of them waiting for something "
                                        + "that never comes?",
                                "fechar um executor espera as tarefas dele: alguma delas espera algo que nunca "
                                        + "chega?"))
                .isNull();
    }

    /** After close() returned: the port is free, and no thread that worked in the kitchen is alive. */
    private void expectNothingLeftBehind(int port) {
        Pantry pantry = visit.pantry;
        Oven oven = visit.oven;
        String rebound = bindAgain(port);
        assertThat(rebound).withFailMessage(Feedback
                        .observed("after close() returned, port %d could not be bound again: %s",
                                "depois que close() retornou, a porta %d não pôde ser usada de novo: %s", port, rebound)
                        .expected("close() frees the port", "close() libera a porta")
                        .hint("the server's socket stays open until the server is stopped",
                                "o socket do servidor fica aberto até o servidor ser parado"))
                .isNull();

        Visit.eventually(WAIT_LIMIT, () -> pantry.crew().stillAlive().isEmpty() && oven.crew().stillAlive().isEmpty());
        List<String> alive = Stream.concat(pantry.crew().stillAlive().stream(), oven.crew().stillAlive().stream())
                .map(t -> new Journal.Worker(t.threadId(), t.getName(), t.isVirtual()).label()).distinct().toList();
        assertThat(alive).withFailMessage(Feedback
                        .observed("%d thread(s) that worked in the kitchen still alive after close: %s",
                                "%d thread(s) que trabalharam na cozinha ainda vivas depois de close: %s",
                                alive.size(), String.join(", ", alive))
                        .expected("close() shuts every executor the diner made, so none of its threads outlives it",
                                "close() encerra todo executor que o restaurante criou, para que nenhuma thread "
                                        + "dele sobreviva a ele")
                        .hint("the threads of an executor live until it is shut down, and a non-daemon one keeps "
                                        + "the whole program from ending; the common ForkJoinPool (where "
                                        + "CompletableFuture's async methods run without an executor) is not the "
                                        + "diner's to shut, so bake on an executor the diner makes",
                                "as threads de um executor vivem até ele ser encerrado, e uma não daemon impede "
                                        + "o programa inteiro de terminar; o ForkJoinPool comum (onde os métodos "
                                        + "assíncronos do CompletableFuture rodam sem executor) não é do restaurante "
                                        + "para encerrar, então asse num executor que o restaurante cria"))
                .isEmpty();
    }

    @Test
    @Tag("task:4")
    @Points(1)
    @DisplayName("a bad order gets 400 with a reason, and the diner keeps serving")
    void aBadOrderGets400AndTheDinerKeepsServing() throws IOException {
        visit = Visit.open(new Pantry(QUICK), new Oven());
        record Bad(String path, String parameter) {
        }
        List<Bad> bad = List.of(
                new Bad("/pantry", "item"),
                new Bad("/pantry?item=", "item"),
                new Bad("/oven?rounds=10", "dough"),
                new Bad("/oven?dough=rye", "rounds"),
                new Bad("/oven?dough=rye&rounds=lots", "rounds"),
                new Bad("/oven?dough=rye&rounds=0", "rounds"),
                new Bad("/oven?dough=rye&rounds=" + (Oven.MAX_ROUNDS + 1), "rounds"));

        for (Bad order : bad) {
            Guests.Answer answer = visit.guests.orderAndWait(order.path());
            assertThat(answer.failure() == null && answer.status() == 400
                    && answer.body().toLowerCase().contains(order.parameter())).withFailMessage(Feedback
                            .observed("GET %s was answered %s instead of 400 with a reason that names \"%s\"",
                                    "GET %s foi respondido com %s em vez de 400 com um motivo que cite \"%s\"",
                                    order.path(), answer.describe(), order.parameter())
                            .expected("400 Bad Request, and a body that says which parameter is wrong",
                                    "400, e um corpo que diga qual parâmetro está errado")
                            .hint("when a handler throws, the HttpServer closes the connection without a word; "
                                            + "check the parameters before you use them",
                                    "quando um handler lança uma exceção, o HttpServer fecha a conexão sem dizer "
                                            + "nada; verifique os parâmetros antes de usá-los"))
                    .isTrue();
            Guests.Answer next = visit.guests.orderAndWait("/pantry?item=salt");
            assertThat(next.is(200, "a jar of salt")).withFailMessage(Feedback
                            .observed("after GET %s, the good order GET /pantry?item=salt was answered %s",
                                    "depois de GET %s, o pedido correto GET /pantry?item=salt foi respondido com %s",
                                    order.path(), next.describe())
                            .expected("200 \"a jar of salt\": the diner keeps serving after a bad order",
                                    "200 \"a jar of salt\": o restaurante continua atendendo depois de um pedido ruim")
                            .hint("a bad order must not break the diner", "um pedido ruim não pode quebrar o "
                                    + "restaurante"))
                    .isTrue();
        }
    }

    /** One order and the body its 200 answer must carry. */
    private record Order(String path, String body) {
    }

    private static Order fetchOrder(String item) {
        return new Order("/pantry?item=" + item, "a jar of " + item);
    }

    private static Order bakeOrder(String dough) {
        return new Order("/oven?dough=" + dough + "&rounds=" + ROUNDS, Guests.bread(dough, ROUNDS));
    }

    private List<CompletableFuture<Guests.Answer>> send(List<Order> orders) {
        return orders.stream().map(o -> visit.guests.order(o.path())).toList();
    }

    /** Sends the orders at once and checks their answers: the precondition of every graded property. */
    private void expectAnswers(List<Order> orders) {
        expectAnswers(orders, Guests.answers(send(orders)));
    }

    private static void expectAnswers(List<Order> orders, List<Guests.Answer> answers) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            if (!answers.get(i).is(200, orders.get(i).body())) {
                wrong.add("GET " + orders.get(i).path() + " → " + answers.get(i).describe());
            }
        }
        assertThat(wrong).withFailMessage(Feedback
                        .observed("%d of %d orders were not answered as expected, e.g. %s",
                                "%d de %d pedidos não foram respondidos como esperado, por exemplo %s",
                                wrong.size(), orders.size(), wrong.isEmpty() ? "" : wrong.getFirst())
                        .expected("every good order answered 200 with its jar or its bread",
                                "todo pedido correto respondido com 200 e o seu pote ou o seu pão")
                        .hint("correct answers come first: make the stub's routes work before making them fast",
                                "respostas corretas vêm primeiro: faça as rotas do esqueleto funcionarem antes de "
                                        + "deixá-las rápidas"))
                .isEmpty();
    }

    /**
     * Connection attempts at the diner's port. The ones that get in stay open until the test is done: a guest
     * who hangs up while the diner stops can make HttpServer.stop wait its whole grace time.
     */
    private static final class Knocks implements AutoCloseable {
        private final int port;
        // Awaitility knocks from a thread of its own.
        private final Queue<Socket> answered = new ConcurrentLinkedQueue<>();

        Knocks(int port) {
            this.port = port;
        }

        /** True if nothing listens on the port any more (the attempt is refused). */
        boolean refused() {
            Socket knock = new Socket();
            try {
                knock.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                answered.add(knock);
                return false;
            } catch (IOException e) {
                closeQuietly(knock);
                return e instanceof ConnectException;
            }
        }

        @Override
        public void close() {
            answered.forEach(Knocks::closeQuietly);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing to tidy: the test only needed to know whether the knock got in.
            }
        }
    }

    /** Null if a new server socket can bind the port, otherwise why not. */
    private static String bindAgain(int port) {
        try (ServerSocket again = new ServerSocket()) {
            // Connections the diner closed may linger in TIME_WAIT; only a socket still listening counts.
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return null;
        } catch (IOException e) {
            return e.toString();
        }
    }
}
