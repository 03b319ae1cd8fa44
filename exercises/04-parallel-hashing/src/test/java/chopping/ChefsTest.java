package chopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import kitchen.grading.Feedback;
import kitchen.grading.Lang;
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
    @DisplayName("every digest is the SHA-256 of its block, in input order")
    void everyDigestIsSha256OfItsBlockInInputOrder() throws Exception {
        List<byte[]> blocks = Onions.bag(12, 50_000);

        List<String> digests = Chefs.hashAll(new ChoppingBoard(), blocks);
        assertThat(digests).withFailMessage(Feedback
                        .observed("hashAll returned %s", "hashAll devolveu %s", digests)
                        .expected("the SHA-256 of each of the 12 blocks, in input order: %s",
                                "o SHA-256 de cada um dos 12 blocos, na ordem da entrada: %s", sha256(blocks)))
                .isEqualTo(sha256(blocks));
        List<String> none = Chefs.hashAll(new ChoppingBoard(), List.of());
        assertThat(none).withFailMessage(Feedback
                        .observed("for no blocks hashAll returned %s", "para nenhum bloco hashAll devolveu %s", none)
                        .expected("an empty list", "uma lista vazia"))
                .isEmpty();
    }

    @Test
    @DisplayName("a block that cannot be chopped fails the call")
    void aBlockThatCannotBeChoppedFailsTheCall() {
        List<byte[]> blocks = Arrays.asList(new byte[10], null, new byte[10]);

        Throwable thrown = catchThrowable(() -> Chefs.hashAll(new ChoppingBoard(), blocks));
        assertThat(thrown).withFailMessage(Feedback
                        .observed("with a null block among three, hashAll %s",
                                "com um bloco null entre três, hashAll %s", thrown == null
                                        ? Lang.current().pick("returned normally", "retornou normalmente")
                                        : Lang.current().pick("threw ", "lançou ") + thrown)
                        .expected("hashAll fails with a RuntimeException", "hashAll falha com uma RuntimeException"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    @DisplayName("two blocks are on the board at the same instant")
    void twoBlocksAreOnTheBoardAtTheSameInstant() {
        List<byte[]> blocks = Onions.bag(12, 50_000);
        ChoppingBoard board = ChoppingBoard.forBlocks(blocks).meetAtOnce(2, Duration.ofSeconds(2)).build();

        Chefs.hashAll(board, blocks);

        assertThat(board.met())
                .withFailMessage(Feedback
                        .observed("at most %d block was on the board at once: the chopping ran one block after another",
                                "no máximo %d bloco esteve na tábua ao mesmo tempo: os blocos foram picados um depois do "
                                        + "outro", board.peakAtOnce())
                        .expected("at least 2 blocks chopped at the same instant",
                                "pelo menos 2 blocos picados no mesmo instante")
                        .hint("see task 1 of the README", "veja a tarefa 1 do README"))
                .isTrue();
    }
}
