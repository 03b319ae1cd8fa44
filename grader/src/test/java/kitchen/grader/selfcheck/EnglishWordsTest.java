package kitchen.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The English-word check the kit's pt-BR self-check relies on: it must catch English, and only English. */
class EnglishWordsTest {

    private final EnglishWords check = new EnglishWords(Set.of("Burnt", "Teller", "Egg"));

    @Test
    @DisplayName("a planted English sentence is caught, word by word, with where it was and its line")
    void catchesEnglish() {
        List<EnglishWords.Finding> found = check.find("06 / aTransferMovesTheMoney",
                "observado: a transferência lançou UnsupportedOperationException\n"
                        + "        Plato holds fork 0 and waits for fork 1\n"
                        + "        [the most eggs on the stove at once] expected: 3 but was: 1");

        assertThat(found).extracting(EnglishWords.Finding::word).containsExactly("holds", "fork", "and", "waits",
                "fork", "the", "most", "eggs", "on", "the", "stove", "at", "once", "expected", "but", "was");
        assertThat(found.getFirst().toString())
                .isEqualTo("06 / aTransferMovesTheMoney: \"holds\" in: Plato holds fork 0 and waits for fork 1");
        assertThat(check.words("prepare   |=====| chef (returned)")).containsExactly("returned");
        assertThat(check.words("… 19984 more")).containsExactly("more");
        assertThat(check.words("Caused by: kitchen.stove.CrackedEggException: egg 3 cracked"))
                .containsExactly("egg", "cracked");
        assertThat(check.words("Boiling eggs 1    on junit-timeout-thread-1")).containsExactly("on");
        assertThat(check.words("serve   |=====| diner (threw Burnt)")).containsExactly("threw");
        assertThat(check.words("lançou kitchen.breakfast.Burnt: the eggs got burnt"))
                .as("a kit exception's message is the kit's words").containsExactly("the", "eggs", "got", "burnt");
    }

    @Test
    @DisplayName("Portuguese with identifiers, thread names, exception classes, quoted output and stack lines passes")
    void passesPortuguese() {
        String portuguese = """
                observado: os ovos foram fritos na thread que chamou serve ("diner"): a tarefa foi chamada ali mesmo
                esperado: todo "Boiling eggs i" antes de qualquer "Egg i done!", como com asyncio.create_task
                dica: chame stove.boil(egg) numa thread por ovo; boilAll e Teller.transfer, hashAll() e `lock.unlock()`
                lançou java.lang.IllegalStateException: o ovo 3 rachou (lançou Burnt)
                Boiling eggs 1    em junit-timeout-thread-1
                Egg 1 done!       em kitchen-timer-4
                ela imprimiu: Frying eggs… / Eggs done!
                    at bank.Teller.transfer(Teller.java:34)
                    ... 12 more
                Caused by: java.lang.RuntimeException: the JDK's own words
                200 "a jar of salt" de HTTP-Dispatcher, 02-boil-eggs, not-run
                GET /pantry foi respondido com nenhuma resposta (java.io.IOException: header parser received no bytes)
                GET /oven?dough=rye&rounds=lots foi respondido com 500
                serve lançou java.lang.IllegalStateException: breakfast failed, mas a falha da tarefa não está lá
                /work/kit/exercises/04-parallel-hashing/src/grading/java/chopping/Speed.java
                1 anotações lançaram exceção, a primeira java.lang.ArrayIndexOutOfBoundsException: Index 166 out of bounds for length 163 (cozinheiro 0 #177)
                """;

        assertThat(check.find("pt", portuguese)).isEmpty();
        // Under its simple name the JDK's message reads as the kit's own English: tests name JDK exceptions in full.
        assertThat(check.find("pt", "a primeira ArrayIndexOutOfBoundsException: Index 166 out of bounds"))
                .extracting(EnglishWords.Finding::word).contains("out");
    }

    @Test
    @DisplayName("no word of the vocabulary is a word of the Portuguese statements' prose (it would be a false alarm)")
    void vocabularyIsNotPortuguese() throws IOException {
        Set<String> clashes = new TreeSet<>();
        Pattern word = Pattern.compile("\\p{L}+");
        for (Exercise e : Kit.locate().orElseThrow().exercises()) {
            String prose = Files.readString(e.dir().resolve("README.pt-BR.md"))
                    .replaceAll("(?s)```.*?```", " ").replaceAll("`[^`]*`", " ")
                    .replaceAll("\\[[^]]*]\\([^)]*\\)", " ");
            Matcher m = word.matcher(prose);
            while (m.find()) {
                String w = m.group();
                if (EnglishWords.VOCABULARY.contains(w.toLowerCase(Locale.ROOT))
                        && w.substring(1).chars().noneMatch(Character::isUpperCase)) {
                    clashes.add(w + " (" + e.id() + ")");
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    @DisplayName("the kit's class names are code wherever they stand")
    void classNamesAreCode() {
        Kit kit = Kit.locate().orElseThrow();
        Set<String> names = EnglishWords.classNames(List.of(kit.root().resolve("kitchen/src/main/java"),
                Path.of("does-not-exist")));
        assertThat(names).contains("Burnt", "Stove", "WaitFor");
        assertThat(Files.isDirectory(kit.root().resolve("kitchen/src/main/java"))).isTrue();
    }
}
