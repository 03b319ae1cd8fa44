package kitchen.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashWorkerTest {

    @Test
    void hashesLikeMessageDigestAndCountsInThisJvm() throws Exception {
        byte[] block = "Bla bla".getBytes(StandardCharsets.US_ASCII);
        int before = HashWorker.hashedHere();

        String digest = HashWorker.sha256Hex(block);

        assertThat(digest).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(block)));
        assertThat(HashWorker.hashedHere()).isEqualTo(before + 1);
    }

    @Test
    void requestsAndAnswersAreLines() {
        assertThat(HashWorker.request(3, new byte[] {1, 2, 3})).isEqualTo("hash 3 AQID");
        assertThat(HashWorker.request(0, new byte[0])).isEqualTo("hash 0 ");
        assertThatThrownBy(() -> HashWorker.request(-1, new byte[0])).isInstanceOf(IllegalArgumentException.class);

        String hex = "a".repeat(64);
        HashWorker.Answer answer = HashWorker.Answer.parse("digest 7 " + hex).orElseThrow();
        assertThat(answer).isEqualTo(new HashWorker.Answer(7, hex));
        assertThat(answer).hasToString("digest 7 " + hex);
        assertThat(HashWorker.Answer.parse("ready 1234")).isEmpty();
        assertThat(HashWorker.Answer.parse("digest x " + hex)).isEmpty();
        assertThat(HashWorker.Answer.parse("digest 1 abc")).isEmpty();
        assertThat(HashWorker.Answer.parse(null)).isEmpty();
    }

    @Test
    void ordersTravelAsArguments() {
        HashWorker.Orders orders = new HashWorker.Orders(Path.of("ledger"), 2, 1500, 3, 86, 4096, 250, 9000);

        assertThat(HashWorker.Orders.parse(orders.toArgs())).isEqualTo(orders);
        assertThat(HashWorker.Orders.PLAIN.toArgs()).isEmpty();
        assertThatThrownBy(() -> HashWorker.Orders.parse(new String[] {"--loud"}))
                .hasMessageContaining("unknown option --loud");
        assertThatThrownBy(() -> HashWorker.Orders.parse(new String[] {"--stall"}))
                .hasMessageContaining("--stall needs a value");
        assertThatThrownBy(() -> HashWorker.Orders.parse(new String[] {"--chatter", "lots"}))
                .hasMessageContaining("--chatter needs a number, not lots");
        assertThatThrownBy(() -> HashWorker.Orders.parse(new String[] {"--crash", "1", "86"}))
                .hasMessageContaining("need a --ledger");
    }

    @Test
    void aWorkerCommandRunsAMainClassOnThisClassPath() {
        WorkerCommand worker = WorkerCommand.forMain(HashWorker.class, "--stall", "5");

        List<String> command = worker.command();
        assertThat(Path.of(command.getFirst())).startsWith(Path.of(System.getProperty("java.home")));
        assertThat(command).containsSubsequence("-cp", System.getProperty("java.class.path"))
                .contains("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                .endsWith(HashWorker.class.getName(), "--stall", "5");
        command.clear();
        assertThat(worker.command()).as("a fresh list each time").isNotEmpty();
        assertThat(worker.toString()).contains(HashWorker.class.getName()).doesNotContain("\n");
    }

    @Test
    void aCrashNamesTheWorkerAndItsExitCode() {
        WorkerCrashed crash = new WorkerCrashed(1234, 86, "dropped its knife\n");

        assertThat(crash).hasMessage("worker 1234 exited with code 86 before answering every block: dropped its knife");
        assertThat(crash.pid()).isEqualTo(1234);
        assertThat(crash.exitCode()).isEqualTo(86);
        assertThat(crash.lastWords()).isEqualTo("dropped its knife");
        assertThat(new WorkerCrashed(1, 0, null)).hasMessageEndingWith("before answering every block");
    }
}
