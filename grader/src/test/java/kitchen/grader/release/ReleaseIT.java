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
class ReleaseIT {

    static final Kit KIT = Kit.locate().orElseThrow();

    /** Releases this kit's working tree (the build under test need not be a git checkout). */
    static CliTest.Run release(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("release", "--kit", KIT.root().toString(), "--out", out.toString(),
                "--working-tree"));
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
                "README.md", ".github/workflows/classroom.yml", "grader/pom.xml", "kitchen/pom.xml", "exercises/pom.xml",
                "LICENSE", "LICENSE-TEXTS", ".devcontainer/devcontainer.json");
        for (Exercise e : KIT.exercises()) {
            assertThat(files).contains("exercises/" + e.id() + "/README.md", "exercises/" + e.id() + "/README.pt-BR.md",
                    "exercises/" + e.id() + "/exercise.properties");
            assertThat(files).anyMatch(f -> f.startsWith("exercises/" + e.id() + "/src/main/java/"));
        }
        assertThat(files).noneMatch(f -> f.startsWith("solutions/") || f.contains("/src/grading/")
                || f.contains("mistakes/") || f.startsWith(".ci/") || f.endsWith("ci.yml") && !f.endsWith("classroom.yml")
                || f.contains("/target/") || f.startsWith("grader/src/test/") || f.startsWith("kitchen/src/test/"));
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
                .isEqualTo(ClassroomWorkflow.render());
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
        // Without the hidden tests the template grades practice only: no score that could pass for a grade.
        assertThat(grade.output()).contains("not graded here").doesNotContain("0/" + KIT.exercises().getFirst().points());
        // An untouched stub is not run: one line says where to begin.
        assertThat(grade.output()).contains("not started", "begin with exercises/" + exercise + "/README.md");
    }

    @Test
    @DisplayName("release publishes git HEAD: an uncommitted edit to a stub stays out, and the output names it")
    void publishesTheCommittedKit(@TempDir Path dir) throws Exception {
        Path kit = copyOfTheKit(dir.resolve("kit"));
        git(kit, "init", "-q");
        git(kit, "add", "-A");
        git(kit, "-c", "user.name=Instructor", "-c", "user.email=instructor@example.org", "commit", "-q", "-m", "kit");
        Exercise first = KIT.exercises().getFirst();
        Path stub;
        try (Stream<Path> walk = Files.walk(kit.resolve("exercises/" + first.id() + "/src/main/java"))) {
            stub = walk.filter(p -> p.toString().endsWith(".java")).findFirst().orElseThrow();
        }
        String committedStub = Files.readString(stub, StandardCharsets.UTF_8);
        Files.writeString(stub, committedStub + "\n// a solution tried out before publishing\n", StandardCharsets.UTF_8);
        Files.writeString(stub.resolveSibling("Trial.java"), "class Trial {}\n", StandardCharsets.UTF_8);

        Path out = dir.resolve("template");
        CliTest.Run r = CliTest.run("release", "--kit", kit.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        String relative = kit.relativize(stub).toString().replace('\\', '/');
        assertThat(out.resolve(relative)).hasContent(committedStub);
        assertThat(out.resolve(relative).resolveSibling("Trial.java")).doesNotExist();
        assertThat(r.out()).contains("Left out, not committed", relative, "Trial.java", "from commit ");
        assertThat(out.resolve(StudentTemplate.KIT_PROPERTIES)).content().containsPattern("commit=[0-9a-f]{40}");

        CliTest.Run workingTree = CliTest.run("release", "--kit", kit.toString(), "--out", dir.resolve("wt").toString(),
                "--working-tree");
        assertThat(workingTree.code()).as(workingTree.err()).isEqualTo(Main.OK);
        assertThat(dir.resolve("wt").resolve(relative)).content().contains("a solution tried out");

        CliTest.Run notGit = CliTest.run("release", "--kit", KIT.root().toString(), "--out", dir.resolve("x").toString());
        if (!Files.exists(KIT.root().resolve(".git"))) {
            assertThat(notGit.code()).isEqualTo(Main.USAGE);
            assertThat(notGit.err()).contains("--working-tree");
        }
    }

    @Test
    @DisplayName("the grading kit holds the grader, the kitchen and every exercise with its hidden tests, never a solution")
    void gradingKit(@TempDir Path out) throws IOException {
        CliTest.Run r = release(out, "--grading-kit");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        List<String> files = files(out);
        assertThat(files).contains("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "README.md",
                "grader/pom.xml", "kitchen/pom.xml", StudentTemplate.KIT_PROPERTIES);
        for (Exercise e : KIT.exercises()) {
            assertThat(files).anyMatch(f -> f.startsWith("exercises/" + e.id() + "/src/grading/java/"));
        }
        assertThat(files).noneMatch(f -> f.startsWith("solutions/") || f.contains("mistakes/") || f.contains("variants/")
                || f.startsWith(".github/") || f.startsWith(".ci/") || f.startsWith("grader/src/test/")
                || f.startsWith("kitchen/src/test/") || f.contains("/target/"));
        assertThat(out.resolve("README.md")).content().contains(ClassroomWorkflow.GRADING_KIT_TOKEN_SECRET, "private");
    }

    /** The kit's sources (no build output) in {@code to}: what an instructor's repository holds. */
    private static Path copyOfTheKit(Path to) throws IOException {
        Path root = KIT.root();
        for (String top : List.of("pom.xml", "mvnw", "mvnw.cmd", ".gitignore", "LICENSE", "LICENSE-TEXTS", ".mvn", "kitchen",
                "grader", "exercises",
                "lecture", "solutions/pom.xml", "solutions/README.md")) {
            Path from = root.resolve(top);
            if (!Files.exists(from)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (rel.contains("/target/") || rel.startsWith("grader/src/test/resources/")) {
                        continue;
                    }
                    Files.createDirectories(to.resolve(rel).getParent());
                    Files.copy(p, to.resolve(rel));
                }
            }
        }
        return to;
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Command c = Command.run(dir, command);
        assertThat(c.code()).as(String.join(" ", command) + "\n" + c.output()).isZero();
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
