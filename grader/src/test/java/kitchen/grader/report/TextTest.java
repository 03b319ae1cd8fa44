package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    @DisplayName("clean drops control characters and lone surrogates but keeps tabs, newlines and emoji")
    void clean() {
        assertThat(Text.clean("a\u0000b\u0007c\u001b[31md\u0085e\ud800f\uffffg\th\r\ni\rj\uD83C\uDF73"))
                .isEqualTo("abc[31mdef" + "g\th\ni\nj\uD83C\uDF73");
        assertThat(Text.clean(null)).isEmpty();
    }

    @Test
    @DisplayName("capped text says it was truncated, in the student's language, and never splits an emoji")
    void capped() {
        assertThat(Text.capped("abcdef", 6, Lang.EN)).isEqualTo("abcdef");
        assertThat(Text.capped("abcdefg", 6, Lang.EN)).isEqualTo("abcdef\n… (truncated)");
        assertThat(Text.capped("abcdefg", 6, Lang.PT_BR)).isEqualTo("abcdef\n… (truncado)");
        assertThat(Text.capped("abcde\uD83C\uDF73", 6, Lang.EN)).isEqualTo("abcde\n… (truncated)");
    }

    @Test
    @DisplayName("head keeps the first lines, and the indentation of a picture's first line")
    void head() {
        assertThat(Text.head("\n\n  one\ntwo\nthree\n", 2, 100, Lang.EN)).isEqualTo("  one\ntwo\n… (truncated)");
        assertThat(Text.head("one\ntwo", 2, 100, Lang.EN)).isEqualTo("one\ntwo");
        assertThat(Text.head("one", 1, 100, Lang.EN)).isEqualTo("one");
        assertThat(Text.head("", 3, 100, Lang.EN)).isEmpty();
        assertThat(Text.firstLine("  first\nsecond", 100, Lang.EN)).isEqualTo("first");
    }

    @Test
    @DisplayName("file names keep only safe characters")
    void fileName() {
        assertThat(Text.fileName("02-boil-eggs")).isEqualTo("02-boil-eggs");
        assertThat(Text.fileName("../../etc/passwd")).isEqualTo("_.._.._etc_passwd");
        assertThat(Text.fileName("")).isEqualTo("_");
    }
}
