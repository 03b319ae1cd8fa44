package kitchen.onions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class OnionsTest {

    @Test
    void aBagHoldsDistinctBlocksOfTheAskedSize() {
        List<byte[]> bag = Onions.bag(12, 1_000);

        assertThat(bag).hasSize(12).allSatisfy(b -> assertThat(b).hasSize(1_000));
        assertThat(bag.stream().map(Arrays::toString).distinct()).hasSize(12);
        assertThat(new String(bag.get(3), 0, 20, StandardCharsets.US_ASCII)).isEqualTo("Bla bla 3 Bla bla 3 ");
    }

    @Test
    void tinyAndEmptyBagsAreFine() {
        assertThat(Onions.bag(0, 10)).isEmpty();
        assertThat(Onions.bag(2, 3).get(1)).containsExactly('B', 'l', 'a');
        assertThatThrownBy(() -> Onions.bag(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
