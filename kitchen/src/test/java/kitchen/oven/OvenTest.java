package kitchen.oven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kitchen.trace.Journal;
import kitchen.trace.Rendezvous;
import org.junit.jupiter.api.Test;

class OvenTest {

    @Test
    void bakesSha256AgainAndAgain() throws Exception {
        Oven oven = new Oven();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] once = sha256.digest("rye".getBytes(StandardCharsets.UTF_8));
        byte[] thrice = sha256.digest(sha256.digest(once));

        assertThat(oven.bake("rye", 1)).isEqualTo(HexFormat.of().formatHex(once));
        assertThat(oven.bake("rye", 3)).isEqualTo(HexFormat.of().formatHex(thrice));
        Journal.Span span = oven.journal().spans().getFirst();
        assertThat(span.what()).isEqualTo("bake rye");
        assertThat(span.outcome()).isEqualTo("done");
        assertThat(oven.crew().peak()).isEqualTo(1);
        assertThat(oven.crew().working()).isZero();
    }

    @Test
    void refusesDoughOrRoundsItCannotBake() {
        Oven oven = new Oven();

        assertThatIllegalArgumentException().isThrownBy(() -> oven.bake(null, 1)).withMessageContaining("dough");
        assertThatIllegalArgumentException().isThrownBy(() -> oven.bake("", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> oven.bake("rye", 0)).withMessageContaining("rounds");
        assertThatIllegalArgumentException().isThrownBy(() -> oven.bake("rye", Oven.MAX_ROUNDS + 1));
        assertThat(oven.journal().spans()).isEmpty();
    }

    @Test
    void theDoorOpensForBakesInsideTogether() throws Exception {
        Rendezvous door = new Rendezvous(2, Duration.ofSeconds(10));
        Oven oven = new Oven(door);

        try (ExecutorService bakers = Executors.newFixedThreadPool(2)) {
            Future<String> rye = bakers.submit(() -> oven.bake("rye", 10));
            Future<String> spelt = bakers.submit(() -> oven.bake("spelt", 10));

            assertThat(rye.get()).isEqualTo(new Oven().bake("rye", 10));
            assertThat(spelt.get()).hasSize(64);
        }
        assertThat(door.met()).isTrue();
        assertThat(oven.crew().peak()).isEqualTo(2);
    }

    @Test
    void aLoneBakeBreaksTheDoorAfterItsTimeout() throws Exception {
        Rendezvous door = new Rendezvous(2, Duration.ofMillis(50));
        Oven oven = new Oven(door);

        assertThat(oven.bake("rye", 1)).hasSize(64);
        assertThat(door.broken()).isTrue();
    }

    @Test
    void aHotOvenKeepsEveryBakeSpinningUntilItIsCooledOrItsTimeRunsOut() throws Exception {
        CountDownLatch cooled = new CountDownLatch(1);
        Oven oven = new Oven().keepsTheCoresBusyUntil(cooled, Duration.ofSeconds(30));
        try (ExecutorService bakers = Executors.newFixedThreadPool(2)) {
            Future<String> rye = bakers.submit(() -> oven.bake("rye", 1));
            Future<String> spelt = bakers.submit(() -> oven.bake("spelt", 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> oven.spinning() == 2);
            assertThat(rye.isDone() || spelt.isDone()).as("still spinning").isFalse();

            cooled.countDown();

            assertThat(rye.get()).hasSize(64);
            assertThat(spelt.get()).hasSize(64);
            assertThat(oven.spinning()).isZero();
        }
        Oven forgotten = new Oven().keepsTheCoresBusyUntil(new CountDownLatch(1),
                Duration.ofMillis(50));
        assertThat(forgotten.bake("rye", 1)).as("the time runs out").hasSize(64);
    }
}
