package kitchen.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    @DisplayName("N shards hold every student exactly once, dealt round-robin")
    void everyStudentOnce() {
        for (int n = 1; n <= 5; n++) {
            int parts = n;
            for (int position = 0; position < 23; position++) {
                int p = position;
                assertThat(IntStream.rangeClosed(1, parts).filter(k -> new Shard(k, parts).holds(p)).count())
                        .as("student %d of %d shards", p, parts).isEqualTo(1);
            }
        }
        assertThat(Shard.parse(" 2/3 ").holds(1)).isTrue();
        assertThat(Shard.parse("2/3").holds(4)).isTrue();
    }

    @Test
    @DisplayName("anything but K/N with 1 <= K <= N is refused with what a shard is")
    void refused() {
        for (String bad : new String[] {"3/2", "0/2", "2", "a/b", "1/0", "1/2/3"}) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("K/N");
        }
    }
}
