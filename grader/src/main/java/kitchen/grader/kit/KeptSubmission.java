package kitchen.grader.kit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A whole student source tree kept in the instructor repository, {@code solutions/<id>/<folder>/<slug>/}:
 * a {@link KnownVariant correct variant} or a {@link KnownMistake known mistake}. Graded alone, exactly like
 * that exercise of a student's clone.
 */
public interface KeptSubmission {

    Exercise exercise();

    String slug();

    /** The student sources ({@code src/main/java}). */
    Path sources();

    /** This tree as a submission of its exercise only. */
    default Submission submission() {
        return Submission.of(slug(), Map.of(exercise().id(), sources()));
    }

    /** Makes one kept submission from its folder and the properties file in it. */
    @FunctionalInterface
    interface Maker<T> {
        T make(Exercise exercise, Path dir, Properties properties);
    }

    /** Every {@code solutions/<id>/<folder>/<slug>/} of the kit, by exercise then slug, with its {@code file} read. */
    static <T> List<T> all(Kit kit, String folder, String file, Maker<T> maker) {
        List<T> found = new ArrayList<>();
        for (Exercise e : kit.exercises()) {
            Path dir = kit.root().resolve("solutions").resolve(e.id()).resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> slugs = Files.list(dir)) {
                for (Path kept : slugs.filter(Files::isDirectory).sorted().toList()) {
                    Properties p = new Properties();
                    try (Reader in = Files.newBufferedReader(kept.resolve(file), StandardCharsets.UTF_8)) {
                        p.load(in);
                    }
                    found.add(maker.make(e, kept, p));
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return found;
    }
}
