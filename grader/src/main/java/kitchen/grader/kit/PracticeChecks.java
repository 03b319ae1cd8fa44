package kitchen.grader.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An exercise's public tests (its practice checks, worth no points) and their names in Brazilian Portuguese.
 * A test's English name is its {@code @DisplayName}; its Portuguese one is the row of README.pt-BR.md's
 * practice table that names its method ({@code | teste público | verificação de treino |}), so a student
 * reading the statement sees the names the grader prints. The kit's contract test keeps that table listing
 * exactly the public tests, in source order.
 */
public final class PracticeChecks {

    /** The first cell of the practice table's header in README.pt-BR.md. */
    public static final String HEADER_PT = "teste público";

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    /** {@code @Test} (not {@code @TestFactory}…), then the method it annotates. */
    private static final Pattern TEST_METHOD = Pattern.compile("@Test\\b(?![\\w.])[^;{}]*?\\bvoid\\s+(\\w+)\\s*\\(");

    private PracticeChecks() {
    }

    /** The public tests' methods, {@code class#method}, files in path order, each file's in source order. */
    public static List<String> methods(Exercise exercise) {
        Path root = exercise.publicTests();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<String> methods = new ArrayList<>();
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString();
                Matcher pkg = PACKAGE.matcher(source);
                String className = (pkg.find() ? pkg.group(1) + "." : "") + name.substring(0, name.length() - 5);
                Matcher test = TEST_METHOD.matcher(source);
                while (test.find()) {
                    methods.add(className + "#" + test.group(1));
                }
            }
            return List.copyOf(methods);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The practice table's rows, method to Portuguese name, in the table's order (code quotes dropped). */
    public static Map<String, String> rows(String markdown) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (List<String> cells : MarkdownTable.rows(markdown, HEADER_PT)) {
            if (cells.size() >= 2) {
                rows.put(cells.get(0).replace("`", ""), cells.get(1).replace("`", ""));
            }
        }
        return rows;
    }

    /** The public tests' names in Brazilian Portuguese by {@code class#method}; a test the table lacks is left out. */
    public static Map<String, String> portugueseNames(Exercise exercise) {
        Path readme = exercise.dir().resolve("README.pt-BR.md");
        if (!Files.isRegularFile(readme)) {
            return Map.of();
        }
        Map<String, String> rows;
        try {
            rows = rows(Files.readString(readme, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String method : methods(exercise)) {
            String name = rows.get(method.substring(method.indexOf('#') + 1));
            if (name != null && !name.isBlank()) {
                names.put(method, name);
            }
        }
        return names;
    }
}
