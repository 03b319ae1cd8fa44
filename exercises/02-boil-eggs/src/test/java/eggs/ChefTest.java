package eggs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import kitchen.grading.Feedback;
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
        List<Egg> boiled = boiledEggs(chef.boilAll(new Stove(), eggs));
        assertThat(boiled).withFailMessage(Feedback
                        .observed("boilAll returned %s", "boilAll devolveu %s", boiled)
                        .expected("every egg, boiled, in input order: %s", "todos os ovos, cozidos, na ordem da entrada: %s",
                                eggs)
                        .hint("keep each egg's result in the place of its egg, whatever order they finish in (task 1 of the README)",
                                "guarde o resultado de cada ovo no lugar do seu ovo, não importa a ordem em que terminam (tarefa 1 do README)"))
                .isEqualTo(eggs);
    }

    @Test
    @Tag("task:1")
    @DisplayName("boilAll has every egg on the stove at the same time")
    void boilAllBoilsTheEggsTogether() throws InterruptedException {
        Stove stove = new Stove();
        chef.boilAll(stove, eggs(500, 500, 500));
        assertThat(stove.peakOnStove()).withFailMessage(Feedback
                        .observed("at most %d of 3 eggs were on the stove at once", "no máximo %d de 3 ovos estiveram no "
                                + "fogão ao mesmo tempo", stove.peakOnStove())
                        .expected("all 3 on the stove at the same time", "os 3 no fogão ao mesmo tempo")
                        .hint("see task 1 of the README", "veja a tarefa 1 do README")
                        .picture(stove::timeline))
                .isEqualTo(3);
    }

    @Test
    @Tag("task:2")
    @DisplayName("boilAllOnOneThread returns every egg, boiled, in input order")
    void boilAllOnOneThreadReturnsEveryEggInInputOrder() throws InterruptedException {
        List<Egg> eggs = eggs(300, 100, 200);
        List<Egg> boiled = boiledEggs(chef.boilAllOnOneThread(new Stove(), eggs));
        assertThat(boiled).withFailMessage(Feedback
                        .observed("boilAllOnOneThread returned %s", "boilAllOnOneThread devolveu %s", boiled)
                        .expected("every egg, boiled, in input order: %s", "todos os ovos, cozidos, na ordem da entrada: %s",
                                eggs)
                        .hint("keep each egg's result in the place of its egg, whatever order they finish in (task 2 of the README)",
                                "guarde o resultado de cada ovo no lugar do seu ovo, não importa a ordem em que terminam (tarefa 2 do README)"))
                .isEqualTo(eggs);
    }

    @Test
    @Tag("task:2")
    @DisplayName("boilAllOnOneThread has every egg on the stove at the same time, all handled on the caller's thread")
    void boilAllOnOneThreadBoilsTheEggsTogetherOnOneThread() throws InterruptedException {
        Stove stove = new Stove();
        chef.boilAllOnOneThread(stove, eggs(300, 100, 200));
        assertThat(stove.peakOnStove()).withFailMessage(Feedback
                        .observed("at most %d of 3 eggs were on the stove at once", "no máximo %d de 3 ovos estiveram no "
                                + "fogão ao mesmo tempo", stove.peakOnStove())
                        .expected("all 3 on the stove at the same time", "os 3 no fogão ao mesmo tempo")
                        .hint("see task 2 of the README", "veja a tarefa 2 do README")
                        .picture(stove::timeline))
                .isEqualTo(3);
        long caller = Thread.currentThread().threadId();
        List<String> elsewhere = stove.journal().events().stream().filter(e -> e.worker().id() != caller)
                .map(e -> "\"" + e.what() + "\" (" + e.worker().label() + ")").toList();
        assertThat(elsewhere).withFailMessage(Feedback
                        .observed("these happened on another thread than the caller's: %s",
                                "estes aconteceram em outra thread que não a de quem chamou: %s", elsewhere)
                        .expected("every \"Boiling eggs i\" and \"Egg i done!\" on the caller's thread",
                                "todo \"Boiling eggs i\" e \"Egg i done!\" na thread de quem chamou"))
                .isEmpty();
    }
}
