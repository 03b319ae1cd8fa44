package kitchen.grader.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kitchen.grader.Main;
import kitchen.grader.cli.CliTest;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student template: what it holds, what it never holds, and that it builds and grades on its own. */
class ReleaseTest {

    static final Kit KIT = Kit.locate().orElseThrow();

    static CliTest.Run release(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("release", "--kit", KIT.root().toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }

    @Test
    @DisplayName("the template holds stubs, public tests, READMEs, grader and workflow — never solutions or hidden tests")
    void contents(@TempDir Path out) throws IOException {
        CliTest.Run r = release(out);
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        List<String> files = files(out);
        assertThat(files).contains("pom.xml", "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties", ".gitignore",
                "README.md", ".github/workflows/classroom.yml", "grader/pom.xml", "kitchen/pom.xml", "exercises/pom.xml");
        for (Exercise e : KIT.exercises()) {
            assertThat(files).contains("exercises/" + e.id() + "/README.md", "exercises/" + e.id() + "/README.pt-BR.md",
                    "exercises/" + e.id() + "/exercise.properties");
            assertThat(files).anyMatch(f -> f.startsWith("exercises/" + e.id() + "/src/main/java/"));
        }
        assertThat(files).noneMatch(f -> f.startsWith("solutions/") || f.contains("/src/grading/")
                || f.contains("mistakes/") || f.startsWith(".ci/") || f.endsWith("ci.yml") && !f.endsWith("classroom.yml")
                || f.contains("/target/") || f.startsWith("grader/src/test/"));
        assertThat(out.resolve("mvnw").toFile().canExecute()).isTrue();
        assertThat(out.resolve("pom.xml")).content().doesNotContain("<module>solutions</module>").contains("<module>exercises</module>");
        assertThat(out.resolve("exercises/pom.xml")).content().contains("<kit.stubTests.skip>false</kit.stubTests.skip>");
        assertThat(out.resolve("README.md")).content().contains("./mvnw -pl exercises/", "grade", "Autograding Tests");
    }

    @Test
    @DisplayName("every relative link in the template's Markdown (READMEs to the lecture, to each other) resolves")
    void linksResolve(@TempDir Path out) throws IOException {
        assertThat(release(out).code()).isEqualTo(Main.OK);
        assertThat(out.resolve("lecture/aula-15-concorrencia-e-paralelismo.md")).exists();
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        for (String file : files(out)) {
            if (!file.endsWith(".md")) {
                continue;
            }
            var m = link.matcher(Files.readString(out.resolve(file), StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("[a-z]+:.*") && !Files.exists(out.resolve(file).resolveSibling(target).normalize())) {
                    broken.add(file + " -> " + target);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    @DisplayName("open book: --hidden-tests include bundles the graded tests")
    void openBook(@TempDir Path out) throws IOException {
        assertThat(release(out, "--hidden-tests", "include").code()).isEqualTo(Main.OK);
        assertThat(files(out)).anyMatch(f -> f.contains("/src/grading/java/")).noneMatch(f -> f.startsWith("solutions/"));
    }

    @Test
    @DisplayName("a non-empty --out is refused unless --force, which keeps .git and touches nothing outside")
    void nonEmptyOut(@TempDir Path parent) throws IOException {
        Path out = Files.createDirectories(parent.resolve("template"));
        Files.writeString(out.resolve("old.txt"), "old");
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main");
        Files.writeString(parent.resolve("neighbour.txt"), "keep me");

        CliTest.Run refused = release(out);
        assertThat(refused.code()).isEqualTo(Main.USAGE);
        assertThat(refused.err()).contains("not empty", "--force");
        assertThat(out.resolve("old.txt")).exists();

        assertThat(release(out, "--force").code()).isEqualTo(Main.OK);
        assertThat(out.resolve("old.txt")).doesNotExist();
        assertThat(out.resolve(".git/HEAD")).hasContent("ref: refs/heads/main");
        assertThat(parent.resolve("neighbour.txt")).hasContent("keep me");
    }

    @Test
    @DisplayName("bad arguments: an --out inside the kit, an unknown --hidden-tests value")
    void badArguments(@TempDir Path out) {
        CliTest.Run inside = release(KIT.root().resolve("exercises"));
        assertThat(inside.code()).isEqualTo(Main.USAGE);
        assertThat(inside.err()).contains("inside the kit");
        CliTest.Run unknown = release(out, "--hidden-tests", "sometimes");
        assertThat(unknown.code()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("--hidden-tests");
    }

    @Test
    @DisplayName("the kit's own classroom.yml is the one release generates for its exercises")
    void committedWorkflowIsCurrent() throws IOException {
        String committed = Files.readString(KIT.root().resolve(".github/workflows/classroom.yml"), StandardCharsets.UTF_8);
        assertThat(committed.replace("\r\n", "\n"))
                .as("regenerate it: java -jar grader/target/grader.jar release --out /tmp/t --force && "
                        + "cp /tmp/t/.github/workflows/classroom.yml .github/workflows/")
                .isEqualTo(ClassroomWorkflow.render(KIT.exercises()));
    }

    @Test
    @DisplayName("the template builds on its own, its public tests run (and fail on the stubs), and its grader grades it")
    void templateBuildsAndGrades(@TempDir Path out) throws Exception {
        assertThat(release(out).code()).isEqualTo(Main.OK);
        String mvnw = System.getProperty("os.name").toLowerCase().startsWith("windows") ? "mvnw.cmd" : "./mvnw";

        Command build = Command.run(out, List.of(mvnw, "-B", "-q", "-DskipTests", "package"));
        assertThat(build.code()).as(build.output()).isZero();
        assertThat(out.resolve("grader/target/grader.jar")).exists();

        String exercise = KIT.exercises().getFirst().id();
        Command publicTests = Command.run(out, List.of(mvnw, "-B", "-pl", "exercises/" + exercise, "test"));
        assertThat(publicTests.output()).contains("Tests run:");
        assertThat(publicTests.code()).as("the stubs fail their public tests\n" + publicTests.output()).isNotZero();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Command grade = Command.run(out, List.of(java, "-jar", "grader/target/grader.jar", "grade", "--exercise", exercise,
                "--lang", "en"));
        assertThat(grade.code()).as(grade.output()).isZero();
        assertThat(grade.output()).contains(exercise);
    }

    /** A process run to completion with its output captured. */
    record Command(int code, String output) {
        static Command run(Path dir, List<String> command) throws IOException, InterruptedException {
            Path log = Files.createTempFile("kitchen-template", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Command(p.exitValue(), text);
        }
    }
}
