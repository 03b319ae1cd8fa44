package kitchen.grader.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kitchen.grader.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit keeps its authoring contract, and the check catches the mistakes an author makes. */
class KitContractTest {

    private static final Kit KIT = Kit.locate().orElseThrow();

    @Test
    @DisplayName("points, @Points, task tags, both READMEs' tables, the root table and the module lists agree")
    void theKitKeepsIt() {
        assertThat(KitContract.problems(KIT)).isEmpty();
    }

    @Test
    @DisplayName("a README points table that disagrees with @Points is named, file and expected rows")
    void wrongReadmeTable(@TempDir Path temp) throws IOException {
        Kit copy = copy(temp);
        Path readme = copy.root().resolve("exercises/02-boil-eggs/README.md");
        String text = Files.readString(readme);
        String row = "| 1 | boilAll puts every egg on the stove at the same time | 3 |";
        assertThat(text).contains(row);
        Files.writeString(readme, text.replace(row, "| 1 | boilAll puts every egg on the stove at the same time | 4 |"));

        assertThat(KitContract.problems(Kit.at(copy.root()))).singleElement().asString()
                .startsWith("exercises/02-boil-eggs/README.md: its points table should read")
                .contains("| 1 | boilAll puts every egg on the stove at the same time | 3 |");
    }

    @Test
    @DisplayName("a practice table that misses a public test is named, with the rows it should have; the grader "
            + "names the public tests in pt-BR from it")
    void wrongPracticeTable(@TempDir Path temp) throws IOException {
        Exercise eggs = KIT.exercise("02-boil-eggs").orElseThrow();
        assertThat(PracticeChecks.portugueseNames(eggs)).containsEntry("eggs.ChefTest#boilAllBoilsTheEggsTogether",
                "boilAll tem todos os ovos no fogão ao mesmo tempo").hasSize(PracticeChecks.methods(eggs).size());

        Kit copy = copy(temp);
        Path readme = copy.root().resolve("exercises/02-boil-eggs/README.pt-BR.md");
        String text = Files.readString(readme);
        String row = "| `boilAllBoilsTheEggsTogether` | boilAll tem todos os ovos no fogão ao mesmo tempo |\n";
        assertThat(text).contains(row);
        Files.writeString(readme, text.replace(row, ""));

        assertThat(KitContract.problems(Kit.at(copy.root()))).singleElement().asString()
                .startsWith("exercises/02-boil-eggs/README.pt-BR.md: its practice table")
                .contains("| `boilAllBoilsTheEggsTogether` | … |");
    }

    @Test
    @DisplayName("a ninth exercise that breaks the 100 total is named, with what else it forgot")
    void ninthExercise(@TempDir Path temp) throws IOException {
        Kit copy = copy(temp);
        Path ninth = copy.root().resolve("exercises/09-mise-en-place");
        Trees.copy(copy.root().resolve("exercises/01-lazy-breakfast"), ninth);

        assertThat(KitContract.problems(Kit.at(copy.root())))
                .anySatisfy(p -> assertThat(p).startsWith("the exercises' points add up to 110, not 100"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md: the exercises table should list"))
                .anySatisfy(p -> assertThat(p).startsWith("exercises/pom.xml: its <modules> should be"))
                .anySatisfy(p -> assertThat(p).startsWith("solutions/pom.xml: its <modules> should be"));
    }

    @Test
    @DisplayName("new-exercise writes a skeleton the contract accepts but for the 100 total it leaves to the author")
    void scaffold(@TempDir Path temp) throws IOException {
        Kit copy = copy(temp);
        java.util.List<String> written = NewExercise.write(copy, "09-mise-en-place", "mise");

        assertThat(written).contains("exercises/09-mise-en-place/exercise.properties",
                "exercises/09-mise-en-place/src/grading/java/mise/StationGradingTest.java",
                "solutions/09-mise-en-place/src/main/java/mise/Station.java", "README.md (the exercises table)");
        Kit after = Kit.at(copy.root());
        assertThat(KitContract.problems(after)).singleElement().asString()
                .startsWith("the exercises' points add up to 101, not 100");
        Exercise ninth = after.exercise("09-mise-en-place").orElseThrow();
        assertThat(ninth.untouched(ninth.stubSources())).as("its stub.sha256").isTrue();
        assertThat(ninth.gradedTests()).singleElement()
                .isEqualTo(new GradedTest("mise.StationGradingTest", "prepareMakesTheDish", "prepare makes the dish", 1, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NewExercise.write(after, "09-mise-en-place", "mise"))
                .hasMessageContaining("already exists");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NewExercise.write(after, "Nine", "mise"))
                .hasMessageContaining("NN-slug");
    }

    /** The parts of the kit the contract reads: READMEs, poms, every exercise's properties and sources. */
    private static Kit copy(Path temp) throws IOException {
        Path root = temp.resolve("kit");
        Files.createDirectories(root.resolve("solutions"));
        Trees.copy(KIT.root().resolve("exercises"), root.resolve("exercises"));
        Files.copy(KIT.root().resolve("README.md"), root.resolve("README.md"));
        Files.copy(KIT.root().resolve("solutions/pom.xml"), root.resolve("solutions/pom.xml"));
        return Kit.at(root);
    }
}
