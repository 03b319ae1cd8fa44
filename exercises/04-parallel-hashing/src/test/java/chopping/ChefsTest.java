package chopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import kitchen.onions.ChoppingBoard;
import kitchen.onions.Onions;

/** Public tests: run them with {@code ./mvnw -pl exercises/04-parallel-hashing test}. */
@Timeout(30)
class ChefsTest {

    private static List<String> sha256(List<byte[]> blocks) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return blocks.stream().map(b -> HexFormat.of().formatHex(digest.digest(b))).toList();
    }

    @Test
    void everyDigestIsSha256OfItsBlockInInputOrder() throws Exception {
        List<byte[]> blocks = Onions.bag(12, 50_000);

        assertThat(Chefs.hashAll(new ChoppingBoard(), blocks)).isEqualTo(sha256(blocks));
        assertThat(Chefs.hashAll(new ChoppingBoard(), List.of())).isEmpty();
    }

    @Test
    void aBlockThatCannotBeChoppedFailsTheCall() {
        List<byte[]> blocks = Arrays.asList(new byte[10], null, new byte[10]);

        assertThatThrownBy(() -> Chefs.hashAll(new ChoppingBoard(), blocks)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void twoBlocksAreOnTheBoardAtTheSameInstant() {
        List<byte[]> blocks = Onions.bag(12, 50_000);
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).meetAtOnce(2, Duration.ofSeconds(2)).build();

        Chefs.hashAll(board, blocks);

        assertThat(board.met())
                .withFailMessage("at most %d block was on the board at once: the chopping ran one block after"
                        + " another", board.peakAtOnce())
                .isTrue();
    }
}
