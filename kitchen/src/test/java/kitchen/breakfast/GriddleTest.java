package kitchen.breakfast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import kitchen.trace.Journal;
import org.junit.jupiter.api.Test;

class GriddleTest {

    private static final Order EGGS = new Order("eggs");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Journal journal = new Journal();
    private final Griddle griddle = new Griddle(journal, new PrintStream(printed, true, StandardCharsets.UTF_8));

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void friesOnTheCallingThreadAnnouncesItAndRecordsIt() {
        Plate first = griddle.fry(EGGS);
        Plate second = griddle.fry(new Order("bacon"));

        assertThat(printed()).isEqualTo("Frying eggs…%nEggs done!%nFrying bacon…%nBacon done!%n".formatted());
        assertThat(first.order()).isEqualTo(EGGS);
        assertThat(first.number()).isEqualTo(1);
        assertThat(second).hasToString("plate #2 (bacon)");
        assertThat(griddle.plates()).containsExactly(first, second);
        assertThat(griddle.cookings()).extracting(Journal.Span::what).containsExactly("fry eggs", "fry bacon");
        assertThat(griddle.cookings()).allSatisfy(c -> {
            assertThat(c.isOpen()).isFalse();
            assertThat(c.outcome()).isEqualTo("done");
            assertThat(c.worker().id()).isEqualTo(Thread.currentThread().threadId());
        });
        assertThat(journal.spans()).containsExactlyElementsOf(griddle.cookings());
    }

    @Test
    void aFailingGriddleThrowsItsFailureAfterAnnouncingTheCooking() {
        Burnt burnt = new Burnt(EGGS);
        griddle.failingWith(burnt);

        assertThatThrownBy(() -> griddle.fry(EGGS)).isSameAs(burnt).hasMessage("the eggs got burnt");
        assertThat(printed()).isEqualTo("Frying eggs…%n".formatted());
        assertThat(griddle.plates()).isEmpty();
        assertThat(griddle.cookings()).singleElement().extracting(Journal.Span::outcome).isEqualTo("burnt");
    }

    @Test
    void aHeldCookStaysInsideUntilReleased() {
        griddle.hold(Duration.ofSeconds(30));
        CompletableFuture<Plate> cooking = CompletableFuture.supplyAsync(() -> griddle.fry(EGGS));

        await().atMost(Duration.ofSeconds(10)).until(() -> griddle.cookings().size() == 1);
        assertThat(griddle.cookings().getFirst().isOpen()).isTrue();
        assertThat(cooking).isNotDone();

        griddle.release();
        assertThat(cooking).succeedsWithin(Duration.ofSeconds(10)).isSameAs(griddle.plates().getFirst());
        assertThat(griddle.fry(EGGS).number()).isEqualTo(2);
    }

    @Test
    void aHoldNobodyReleasesRunsOutOnceThenLetsEveryoneThrough() {
        Duration atMost = Duration.ofSeconds(1);
        griddle.hold(atMost);

        long first = timeToFry();
        long second = timeToFry();

        assertThat(first).isGreaterThanOrEqualTo(atMost.toNanos());
        // Still held, the second cook would wait the whole second again; an open gate takes microseconds.
        assertThat(second).isLessThan(atMost.toNanos());
        assertThat(griddle.plates()).hasSize(2);
    }

    private long timeToFry() {
        long start = System.nanoTime();
        griddle.fry(EGGS);
        return System.nanoTime() - start;
    }

    @Test
    void anInterruptedCookStopsWaitingAndKeepsItsInterruptStatus() throws Exception {
        griddle.hold(Duration.ofSeconds(30));
        boolean[] stillInterrupted = new boolean[1];
        Thread cook = Thread.ofPlatform().daemon().start(() -> {
            griddle.fry(EGGS);
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> griddle.cookings().size() == 1);

        cook.interrupt();

        assertThat(cook.join(Duration.ofSeconds(10))).isTrue();
        assertThat(stillInterrupted[0]).isTrue();
        assertThat(griddle.plates()).hasSize(1);
    }

    @Test
    void anOrderNeedsADish() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Order(" ")).withMessageContaining("dish");
        assertThatIllegalArgumentException().isThrownBy(() -> new Order(null));
    }

    @Test
    void theDefaultGriddleKeepsItsOwnJournal() {
        Griddle plain = new Griddle();
        assertThat(plain.journal()).isNotNull().isNotSameAs(journal);
        assertThat(plain.cookings()).isEmpty();
    }
}
