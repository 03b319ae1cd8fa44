package kitchen.grader.kit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;

/**
 * A correct submission written another way than the reference solution, kept in the instructor repository
 * ({@code solutions/<id>/variants/<slug>/}): the grader must give it full marks every time, so the graded
 * tests judge what the lesson asks and not how the reference happens to do it.
 *
 * @param sources the student sources ({@code src/main/java})
 * @param about   how this variant is written, one sentence
 */
public record KnownVariant(Exercise exercise, String slug, Path sources, String about) implements KeptSubmission {

    public static final String ABOUT = "variant.properties";

    /** Every correct variant of the kit, by exercise then slug. */
    public static List<KnownVariant> all(Kit kit) {
        return KeptSubmission.all(kit, "variants", ABOUT, (e, dir, p) -> {
            String about = p.getProperty("about", "").trim();
            if (about.isEmpty()) {
                throw new IllegalStateException(dir.resolve(ABOUT) + " says nothing about the variant");
            }
            return new KnownVariant(e, dir.getFileName().toString(), dir.resolve("src/main/java"), about);
        });
    }

    /** Empty when the variant got full marks; otherwise what it lost, test by test. */
    public Optional<String> problem(ExerciseResult result) {
        if (result.status() != ExerciseStatus.GRADED) {
            return Optional.of("not graded (" + result.status().json() + "): " + result.message());
        }
        if (result.score() == result.maxScore()) {
            return Optional.empty();
        }
        StringBuilder lost = new StringBuilder(result.score() + "/" + result.maxScore() + " for a correct variant ("
                + about + ")");
        result.failedTests().forEach(t -> lost.append("\n  - ").append(t.name()).append(": ").append(t.message()));
        return Optional.of(lost.toString());
    }
}
