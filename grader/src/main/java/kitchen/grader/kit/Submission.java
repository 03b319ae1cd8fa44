package kitchen.grader.kit;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the student code of each exercise comes from. Only {@code src/main/java} is ever taken from a
 * submission: its tests, poms and grader are ignored.
 *
 * @param label   how reports name it ("this folder" / "esta pasta", a folder, "reference solutions")
 * @param sources maps an exercise id to the folder holding that exercise's student sources
 */
public record Submission(String label, Function<String, Path> sources) {

    /** A student's clone (or this kit's own working tree): {@code DIR/exercises/<id>/src/main/java}. */
    public static Submission folder(Path dir, String label) {
        Path root = dir.toAbsolutePath().normalize();
        return new Submission(label, id -> root.resolve("exercises").resolve(id).resolve("src/main/java"));
    }

    /** The kit's reference solutions. */
    public static Submission solutions(Kit kit) {
        return new Submission("reference solutions", kit::solutionSources);
    }

    /** Explicit source folders per exercise, e.g. one known mistake. */
    public static Submission of(String label, Map<String, Path> sourcesById) {
        return new Submission(label, id -> {
            Path p = sourcesById.get(id);
            return p != null ? p : Path.of("missing-" + id);
        });
    }

    public Path sourcesOf(String exerciseId) {
        return sources.apply(exerciseId);
    }
}
