package kitchen.grader.kit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A known-wrong submission kept in the instructor repository
 * ({@code solutions/<id>/mistakes/<slug>/}) and what the grader must say about it.
 *
 * @param sources  the mistaken student sources ({@code src/main/java})
 * @param test     the graded test method that names the mistake: it must fail
 * @param fragment text its failure message must contain (case-insensitive)
 */
public record KnownMistake(Exercise exercise, String slug, Path sources, String test, String fragment) {

    public static final String EXPECT = "expect.properties";

    /** Every known mistake of the kit, by exercise then slug. */
    public static List<KnownMistake> all(Kit kit) {
        List<KnownMistake> found = new ArrayList<>();
        for (Exercise e : kit.exercises()) {
            Path dir = kit.root().resolve("solutions").resolve(e.id()).resolve("mistakes");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> slugs = Files.list(dir)) {
                for (Path m : slugs.filter(Files::isDirectory).sorted().toList()) {
                    Properties p = new Properties();
                    try (Reader in = Files.newBufferedReader(m.resolve(EXPECT), StandardCharsets.UTF_8)) {
                        p.load(in);
                    }
                    String test = p.getProperty("test");
                    if (test == null || test.isBlank()) {
                        throw new IllegalStateException(m.resolve(EXPECT) + " names no test");
                    }
                    found.add(new KnownMistake(e, m.getFileName().toString(), m.resolve("src/main/java"), test.trim(),
                            p.getProperty("message", "").trim()));
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return found;
    }
}
