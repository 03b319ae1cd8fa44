package kitchen.grader.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the skeleton of a new exercise into a kit, every file and list the authoring contract names
 * (see {@code solutions/README.md}): the exercise folder with a stub, a public test and one graded test
 * worth 1 point, the solution folder with a reference, the module lists, the root README's row, both
 * READMEs' points tables and the stub's fingerprint. What it cannot decide is left for the author, and the
 * kit's contract test names it: the kit's total is now 1 over 100 until the points are rebalanced.
 */
public final class NewExercise {

    /** {@code NN-slug}: two digits, then lower-case words joined by dashes. */
    static final Pattern ID = Pattern.compile("\\d\\d-[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private NewExercise() {
    }

    /**
     * @return the files written or changed, relative to the kit, for the author to read
     * @throws IllegalArgumentException for an id that is not {@code NN-slug} or already taken
     */
    public static List<String> write(Kit kit, String id, String pkg) throws IOException {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(id + ": an exercise id is NN-slug, e.g. 09-mise-en-place");
        }
        if (!pkg.matches("[a-z][a-z0-9]*") || pkg.equals("kitchen")) {
            throw new IllegalArgumentException(pkg + ": the package is one lower-case word of the exercise's own");
        }
        Path root = kit.root();
        Path exercise = root.resolve("exercises").resolve(id);
        Path solution = root.resolve("solutions").resolve(id);
        if (Files.exists(exercise) || Files.exists(solution)) {
            throw new IllegalArgumentException(id + ": exercises/" + id + " or solutions/" + id + " already exists");
        }
        String number = id.substring(0, 2);
        String words = id.substring(3).replace('-', ' ');
        List<String> written = new ArrayList<>();

        write(root, written, "exercises/" + id + "/pom.xml", pom("exercises", "exercise-" + id,
                "Concurrency Kitchen :: " + number + " " + words, ""));
        write(root, written, "exercises/" + id + "/src/main/java/" + pkg + "/Station.java", """
                package %s;

                import kitchen.grading.Todo;

                /** The stub a student edits: it compiles, and its graded test fails until Task 1 is done. */
                public final class Station {

                    /** Task 1: prepare the dish (returns 42 when done right). */
                    public int prepare() {
                        throw Todo.task(1, "Station.prepare");
                    }
                }
                """.formatted(pkg));
        write(root, written, "exercises/" + id + "/src/test/java/" + pkg + "/StationTest.java", """
                package %s;

                import static org.assertj.core.api.Assertions.assertThatCode;

                import org.junit.jupiter.api.Test;

                /** A public test: fast, worth no points, shipped to students. */
                class StationTest {

                    @Test
                    void prepareReturns() {
                        assertThatCode(() -> new Station().prepare()).doesNotThrowAnyException();
                    }
                }
                """.formatted(pkg));
        write(root, written, "exercises/" + id + "/src/grading/java/" + pkg + "/StationGradingTest.java", """
                package %s;

                import static org.assertj.core.api.Assertions.assertThat;

                import kitchen.grading.Feedback;
                import kitchen.grading.Points;
                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.Tag;
                import org.junit.jupiter.api.Test;

                /** The graded tests: each names its task, its points and what it observed, in both languages. */
                class StationGradingTest {

                    @Test
                    @Tag("task:1")
                    @Points(1)
                    @DisplayName("prepare makes the dish")
                    void prepareMakesTheDish() {
                        int dish = new Station().prepare();
                        assertThat(dish).withFailMessage(Feedback
                                .observed("prepare returned %%d", "prepare devolveu %%d", dish)
                                .expected("42", "42")
                                .hint("read Task 1 again", "releia a Tarefa 1"))
                                .isEqualTo(42);
                    }
                }
                """.formatted(pkg));
        write(root, written, "exercises/" + id + "/README.md", """
                # %1$s %2$s

                What the student learns, in two sentences, and the lecture section it comes from.

                ## Task 1: prepare the dish (`Station.prepare`)

                What to write, what the kitchen offers, what "done" means.

                ## Points

                | task | graded test | points |
                | --- | --- | --- |
                | 1 | prepare makes the dish | 1 |
                """.formatted(number, words));
        write(root, written, "exercises/" + id + "/README.pt-BR.md", """
                # %1$s %2$s

                O que o aluno aprende, em duas frases, e a seção da aula de onde vem.

                ## Tarefa 1: preparar o prato (`Station.prepare`)

                O que escrever, o que a cozinha oferece, o que é "pronto".

                ## Pontos

                | tarefa | teste avaliado | pontos |
                | --- | --- | --- |
                | 1 | prepare faz o prato | 1 |

                ## Verificações de treino

                | teste público | verificação de treino |
                | --- | --- |
                | `prepareReturns` | prepare retorna |
                """.formatted(number, words));
        write(root, written, "solutions/" + id + "/pom.xml", pom("solutions", "solution-" + id,
                "Concurrency Kitchen :: solution " + number + " " + words,
                "\n  <properties>\n    <exercise.id>" + id + "</exercise.id>\n  </properties>"));
        write(root, written, "solutions/" + id + "/src/main/java/" + pkg + "/Station.java", """
                package %s;

                /** The reference solution: the same class and methods as the stub. */
                public final class Station {

                    public int prepare() {
                        return 42;
                    }
                }
                """.formatted(pkg));
        String fingerprint = StubFingerprint.of(exercise.resolve("src/main/java"));
        write(root, written, "exercises/" + id + "/exercise.properties", """
                title.en=%1$s
                title.pt-BR=%1$s
                # the sum of the @Points of this exercise's tests (the kit checks it); the whole kit sums to 100
                points=1
                # hard deadline for this exercise's JVM, in seconds, before the machine's time scale is applied
                deadline.seconds=60
                # sensitive: batch grading never runs this exercise next to another one (it judges timing or cores)
                timing=sensitive
                # the stub's fingerprint: an exercise whose code still matches it is "not started"
                stub.sha256=%2$s
                """.formatted(Character.toUpperCase(words.charAt(0)) + words.substring(1), fingerprint));

        addModule(root, written, "exercises/pom.xml", id);
        addModule(root, written, "solutions/pom.xml", id);
        addReadmeRow(root, written, number, id, words);
        return written;
    }

    private static String pom(String parent, String artifact, String name, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.concurrencykitchen</groupId>
                    <artifactId>%s</artifactId>
                    <version>1.0.0-SNAPSHOT</version>
                  </parent>

                  <artifactId>%s</artifactId>
                  <name>%s</name>%s
                </project>
                """.formatted(parent, artifact, name, extra);
    }

    private static void write(Path root, List<String> written, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        written.add(relative);
    }

    private static void addModule(Path root, List<String> written, String pom, String id) throws IOException {
        Path file = root.resolve(pom);
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int last = text.lastIndexOf("</module>");
        if (last < 0) {
            throw new IOException(pom + " has no <module> to add " + id + " after");
        }
        int end = last + "</module>".length();
        String indent = text.substring(text.lastIndexOf('\n', last) + 1, text.indexOf("<module>",
                text.lastIndexOf('\n', last)));
        Files.writeString(file, text.substring(0, end) + "\n" + indent + "<module>" + id + "</module>"
                + text.substring(end), StandardCharsets.UTF_8);
        written.add(pom + " (module " + id + ")");
    }

    /** A row after the root README's last exercise row. */
    private static void addReadmeRow(Path root, List<String> written, String number, String id, String words)
            throws IOException {
        Path file = root.resolve("README.md");
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\|\\s*\\d\\d\\s*\\|\\s*`\\d\\d-[^`]+`.*")) {
                last = i;
            }
        }
        if (last < 0) {
            return;
        }
        lines.add(last + 1, "| " + number + " | `" + id + "` — " + words + " | § | 1 |");
        Files.write(file, lines, StandardCharsets.UTF_8);
        written.add("README.md (the exercises table)");
    }
}
