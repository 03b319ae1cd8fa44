package kitchen.grader.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kit the grader belongs to: the folder that holds {@code exercises/} (and, in the instructor
 * repository, {@code solutions/}). Tests always come from here, never from the submission being graded.
 */
public final class Kit {

    /** Overrides where the kit is (the kit's own tests set it; so can an instructor). */
    public static final String ROOT_PROPERTY = "kitchen.kit.root";

    private final Path root;

    private Kit(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static Kit at(Path root) {
        if (!Files.isDirectory(root.resolve("exercises"))) {
            throw new IllegalArgumentException("not a Concurrency Kitchen kit (no exercises/ folder): " + root);
        }
        return new Kit(root);
    }

    /**
     * Finds the kit: {@value #ROOT_PROPERTY} if set, else the folder above {@code grader/target/grader.jar}
     * this code was loaded from, else the working directory or one of its parents.
     */
    public static Optional<Kit> locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(at(Path.of(configured)));
        }
        List<Path> starts = new ArrayList<>();
        codeLocation().ifPresent(starts::add);
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("exercises")) && Files.isDirectory(p.resolve("grader"))) {
                    return Optional.of(new Kit(p));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = Kit.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }

    /** Every exercise, in catalog order (by folder name). */
    public List<Exercise> exercises() {
        try (Stream<Path> dirs = Files.list(root.resolve("exercises"))) {
            List<Path> sorted = dirs.filter(d -> Files.isRegularFile(d.resolve(Exercise.PROPERTIES))).sorted().toList();
            List<Exercise> exercises = new ArrayList<>();
            for (Path d : sorted) {
                exercises.add(Exercise.load(d));
            }
            return exercises;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Exercise> exercise(String id) {
        return exercises().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The reference solution's sources of an exercise (instructor repository only). */
    public Path solutionSources(String id) {
        return root.resolve("solutions").resolve(id).resolve("src/main/java");
    }

    public boolean hasSolutions() {
        return Files.isDirectory(root.resolve("solutions"));
    }
}
