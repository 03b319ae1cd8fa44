package kitchen.grader.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading the graded tests from their sources, as GitHub Classroom's runners are made from them. */
class GradedTestTest {

    @Test
    @DisplayName("@Points methods in source order, with their display names: joined literals, ';' and '}' inside, escapes")
    void readsTheSources() {
        String source = """
                package bank;

                @DisplayName("the class's own name is not a test's")
                class TellerGradedTest {
                    @Test
                    @Tag("task:2")
                    @Points(3)
                    @DisplayName("two transfers; both finish {quickly}")
                    void crossing() { run(); }

                    @Test
                    void publicCheck() { }

                    @Test @Order(2)
                    @Points(value = 1)
                    @DisplayName("an account that pays itself is refused when it has too"
                            + " little, and says \\"no\\"")
                    void payItself() {
                    }

                    @Test
                    @Points(2)
                    void noName() {
                    }
                }
                """;

        assertThat(GradedTest.inFile(Path.of("bank/TellerGradedTest.java"), source)).containsExactly(
                new GradedTest("bank.TellerGradedTest", "crossing", "two transfers; both finish {quickly}", 3, 2),
                new GradedTest("bank.TellerGradedTest", "payItself",
                        "an account that pays itself is refused when it has too little, and says \"no\"", 1, 0),
                new GradedTest("bank.TellerGradedTest", "noName", "noName", 2, 0));
    }
}
