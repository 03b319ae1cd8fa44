package diner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import kitchen.grading.Feedback;
import kitchen.grading.TimeScale;
import kitchen.oven.Oven;
import kitchen.pantry.Pantry;
import kitchen.trace.Rendezvous;
import kitchen.trace.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Public checks, worth no points: run them with {@code ./mvnw -pl exercises/03-busy-endpoint test}. */
class DinerTest {

    private Visit visit;

    @AfterEach
    void leave() {
        if (visit != null) {
            visit.close();
        }
    }

    @Test
    @DisplayName("a pantry order is answered with its jar")
    void aPantryOrderIsAnswered() throws IOException {
        visit = Visit.open(new Pantry(Duration.ofMillis(10)), new Oven());

        String answer = visit.guests.orderAndWait("/pantry?item=flour").describe();
        assertThat(answer).withFailMessage(Feedback
                        .observed("GET /pantry?item=flour was answered with %s", "GET /pantry?item=flour foi respondido "
                                + "com %s", answer)
                        .expected("200 \"a jar of flour\"", "200 \"a jar of flour\""))
                .isEqualTo("200 \"a jar of flour\"");
    }

    @Test
    @DisplayName("an oven order is answered with the baked digest")
    void anOvenOrderIsAnswered() throws IOException {
        visit = Visit.open(new Pantry(Duration.ofMillis(10)), new Oven());

        String answer = visit.guests.orderAndWait("/oven?dough=rye&rounds=1000").describe();
        String bread = "200 \"" + Guests.bread("rye", 1000) + "\"";
        assertThat(answer).withFailMessage(Feedback
                        .observed("GET /oven?dough=rye&rounds=1000 was answered with %s",
                                "GET /oven?dough=rye&rounds=1000 foi respondido com %s", answer)
                        .expected("%s", "%s", bread))
                .isEqualTo(bread);
    }

    @Test
    @Tag("task:1")
    @DisplayName("ten pantry orders wait in the pantry at the same time")
    void tenPantryOrdersWaitTogether() throws IOException {
        Rendezvous gate = new Rendezvous(10, TimeScale.millis(3_000));
        Pantry pantry = Pantry.gated(Duration.ofMillis(10), gate);
        visit = Visit.open(pantry, new Oven());

        List<CompletableFuture<Guests.Answer>> orders = IntStream.range(0, 10)
                .mapToObj(i -> visit.guests.order("/pantry?item=herb" + i)).toList();
        Guests.answers(orders);

        assertThat(gate.met()).withFailMessage(Feedback
                        .observed("at most %d of 10 orders were in the pantry at the same time",
                                "no máximo %d de 10 pedidos estiveram na despensa ao mesmo tempo", pantry.crew().peak())
                        .expected("all 10 waiting together", "os 10 esperando juntos")
                        .hint("see task 1 of the README", "veja a tarefa 1 do README")
                        .picture(() -> Timeline.of(pantry.journal())))
                .isTrue();
    }

    @Test
    @Tag("task:4")
    @DisplayName("an order with rounds that are not a number gets 400")
    void aBadOrderGets400() throws IOException {
        visit = Visit.open(new Pantry(Duration.ofMillis(10)), new Oven());

        Guests.Answer answer = visit.guests.orderAndWait("/oven?dough=rye&rounds=lots");

        assertThat(answer.status()).withFailMessage(Feedback
                        .observed("GET /oven?dough=rye&rounds=lots was answered with %s",
                                "GET /oven?dough=rye&rounds=lots foi respondido com %s", answer.describe())
                        .expected("400 Bad Request", "400 (pedido inválido)")
                        .hint("see task 4 of the README", "veja a tarefa 4 do README"))
                .isEqualTo(400);
    }
}
