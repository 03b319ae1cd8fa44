package eggs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import kitchen.stove.BoiledEgg;
import kitchen.stove.Egg;
import kitchen.stove.Stove;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Public tests: run them with {@code ./mvnw -pl exercises/02-boil-eggs test}. The grader checks much more. */
@Timeout(30)
class ChefTest {

    private final Chef chef = new Chef();

    private static List<Egg> eggs(long... millis) {
        return IntStream.range(0, millis.length)
                .mapToObj(i -> new Egg(i + 1, Duration.ofMillis(millis[i])))
                .toList();
    }

    private static List<Egg> boiledEggs(List<BoiledEgg> boiled) {
        return boiled.stream().map(BoiledEgg::egg).toList();
    }

    @Test
    @Tag("task:1")
    @DisplayName("boilAll returns every egg, boiled, in input order")
    void boilAllReturnsEveryEggInInputOrder() throws InterruptedException {
        List<Egg> eggs = eggs(300, 100, 200);
        assertThat(boiledEggs(chef.boilAll(new Stove(), eggs))).isEqualTo(eggs);
    }

    @Test
    @Tag("task:1")
    @DisplayName("boilAll has every egg on the stove at the same time")
    void boilAllBoilsTheEggsTogether() throws InterruptedException {
        Stove stove = new Stove();
        chef.boilAll(stove, eggs(500, 500, 500));
        assertThat(stove.peakOnStove()).as("the most eggs on the stove at once").isEqualTo(3);
    }

    @Test
    @Tag("task:2")
    @DisplayName("boilAllOnOneThread returns every egg, boiled, in input order")
    void boilAllOnOneThreadReturnsEveryEggInInputOrder() throws InterruptedException {
        List<Egg> eggs = eggs(300, 100, 200);
        assertThat(boiledEggs(chef.boilAllOnOneThread(new Stove(), eggs))).isEqualTo(eggs);
    }

    @Test
    @Tag("task:2")
    @DisplayName("boilAllOnOneThread has every egg on the stove at the same time, all handled on the caller's thread")
    void boilAllOnOneThreadBoilsTheEggsTogetherOnOneThread() throws InterruptedException {
        Stove stove = new Stove();
        chef.boilAllOnOneThread(stove, eggs(300, 100, 200));
        assertThat(stove.peakOnStove()).as("the most eggs on the stove at once").isEqualTo(3);
        assertThat(stove.journal().events())
                .as("every \"Boiling eggs i\" and \"Egg i done!\" on the caller's thread")
                .extracting(e -> e.worker().id())
                .containsOnly(Thread.currentThread().threadId());
    }
}
