package kitchen.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cook leased by one grader stays leased, whatever else that grader does, while another grader on the
 * machine (another process) looks for a free cook: if it could take the same cook, its stray sweep would
 * end the first grader's JVM.
 */
class LeaseTest {

    @Test
    @DisplayName("a second cell of the same grader asking for a leased cook neither gets it nor frees it for another process")
    void heldAgainstOtherProcesses(@TempDir Path dir) throws Exception {
        Path cook = dir.resolve("kitchen-cook-0.lock");
        try (Sandbox.Lease first = Sandbox.Lease.take(cook)) {
            assertThat(first).isNotNull();
            assertThat(Sandbox.Lease.take(cook)).as("the same cook, asked for again in this JVM").isNull();
            assertThat(otherProcessGets(cook)).as("another process, after this JVM asked twice").isFalse();
        }
        assertThat(otherProcessGets(cook)).as("another process, once the lease is closed").isTrue();
        try (Sandbox.Lease again = Sandbox.Lease.take(cook)) {
            assertThat(again).as("the cook, leased again after it was given back").isNotNull();
        }
    }

    /** Whether a fresh JVM can lock the file now. */
    private static boolean otherProcessGets(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("the probe's answer").isIn("locked", "busy");
        return out.equals("locked");
    }

    /** Another grader's attempt: prints whether it got the lock. */
    public static final class Probe {
        public static void main(String[] args) throws IOException {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), List.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE).toArray(StandardOpenOption[]::new))) {
                System.out.println(channel.tryLock() != null ? "locked" : "busy");
            }
        }
    }
}
