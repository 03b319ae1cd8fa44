package kitchen.grader.kit;

import java.nio.file.Path;
import java.util.List;

/**
 * A known-wrong submission kept in the instructor repository
 * ({@code solutions/<id>/mistakes/<slug>/}) and what the grader must say about it.
 *
 * @param sources  the mistaken student sources ({@code src/main/java})
 * @param test     the graded test method that names the mistake: it must fail
 * @param fragment text its failure message must contain (case-insensitive)
 */
public record KnownMistake(Exercise exercise, String slug, Path sources, String test, String fragment)
        implements KeptSubmission {

    public static final String EXPECT = "expect.properties";

    /** Every known mistake of the kit, by exercise then slug. */
    public static List<KnownMistake> all(Kit kit) {
        return KeptSubmission.all(kit, "mistakes", EXPECT, (e, dir, p) -> {
            String test = p.getProperty("test");
            if (test == null || test.isBlank()) {
                throw new IllegalStateException(dir.resolve(EXPECT) + " names no test");
            }
            return new KnownMistake(e, dir.getFileName().toString(), dir.resolve("src/main/java"), test.trim(),
                    p.getProperty("message", "").trim());
        });
    }
}
