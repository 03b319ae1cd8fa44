package kitchen.grader.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kitchen.grader.io.Folders;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;

/**
 * Writes what the instructor repository publishes. The <em>student template</em>: the build, the
 * kitchen, every exercise's stub, public tests and READMEs, the grader's sources, a student README and the
 * Classroom workflow. The <em>grading kit</em>: what the Classroom workflow grades with, kept in a private
 * repository of its own: the build, the kitchen, the grader's sources and every exercise with its hidden
 * tests. Neither ever holds the reference solutions, the correct variants, the known mistakes, the kit's
 * own CI or the grader's and kitchen's own tests; the template holds the hidden tests only when asked
 * (open book).
 */
public final class StudentTemplate {

    /** Whether the hidden graded tests travel with the template (open-book) or stay with the instructor. */
    public enum HiddenTests {
        EXCLUDE, INCLUDE
    }

    /** What is written: the template students get, or the grading kit the Classroom workflow fetches. */
    public enum Kind {
        TEMPLATE, GRADING_KIT
    }

    /** What a release wrote. */
    public record Result(Path dir, int files) {
    }

    private static final String STUDENT_README = "README.student.md";
    private static final String SKIP_STUBS_TRUE = "<kit.stubTests.skip>true</kit.stubTests.skip>";
    private static final String SOLUTIONS_MODULE = "<module>solutions</module>";

    /** Records which commit of the instructor repository a release came from. */
    public static final String KIT_PROPERTIES = "kit.properties";

    private final Kit kit;
    private final HiddenTests hidden;
    private final Kind kind;
    private final String commit;

    public StudentTemplate(Kit kit, HiddenTests hidden) {
        this(kit, hidden, Kind.TEMPLATE, "");
    }

    /** {@code commit}: the instructor repository's commit the kit was exported from, or empty for a working tree. */
    public StudentTemplate(Kit kit, HiddenTests hidden, Kind kind, String commit) {
        this.kit = kit;
        this.hidden = kind == Kind.GRADING_KIT ? HiddenTests.INCLUDE : hidden;
        this.kind = kind;
        this.commit = commit;
    }

    /** Writes the template into {@code out}, which must be empty or absent (see {@link #clear}). */
    public Result write(Path out) throws IOException {
        Path root = kit.root();
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();

        for (String file : List.of("mvnw", "mvnw.cmd", ".gitignore", "LICENSE", "LICENSE-TEXTS")) {
            if (Files.exists(root.resolve(file))) {
                copyFile(root.resolve(file), out.resolve(file), written);
            }
        }
        copyTree(root.resolve(".mvn"), out.resolve(".mvn"), written);
        if (kind == Kind.TEMPLATE && Files.isDirectory(root.resolve(".devcontainer"))) {
            copyTree(root.resolve(".devcontainer"), out.resolve(".devcontainer"), written);
        }
        copyTree(root.resolve("kitchen"), out.resolve("kitchen"), written);
        copyTree(root.resolve("grader"), out.resolve("grader"), written);
        copyTree(root.resolve("exercises"), out.resolve("exercises"), written);
        write(out.resolve("pom.xml"), removeLine(read(root.resolve("pom.xml")), SOLUTIONS_MODULE), written);
        write(out.resolve(KIT_PROPERTIES), "# The instructor repository's commit this was released from.\n"
                + "commit=" + (commit.isEmpty() ? "working-tree" : commit) + "\nkind=" + kind.name().toLowerCase()
                + "\n", written);
        List<Exercise> exercises = kit.exercises();
        if (kind == Kind.GRADING_KIT) {
            write(out.resolve("README.md"), gradingKitReadme(), written);
        } else {
            // The lecture the exercises' READMEs link to (absent in a kit that does not ship it).
            if (Files.isDirectory(root.resolve("lecture"))) {
                copyTree(root.resolve("lecture"), out.resolve("lecture"), written);
            }
            write(out.resolve("exercises/pom.xml"), replaceOnce(read(root.resolve("exercises/pom.xml")),
                    SKIP_STUBS_TRUE, "<kit.stubTests.skip>false</kit.stubTests.skip>"), written);
            write(out.resolve("README.md"), studentReadme(exercises), written);
            write(out.resolve(".github/workflows/classroom.yml"), ClassroomWorkflow.render(), written);
        }
        out.resolve("mvnw").toFile().setExecutable(true, false);
        return new Result(out, (int) written.stream().distinct().count());
    }

    /** Empties {@code dir} except its {@code .git}, so a release can refresh a clone of the template repo. */
    public static void clear(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(c -> !c.getFileName().toString().equals(".git")).toList()) {
                Folders.delete(child);
            }
        }
    }

    private boolean excluded(Path relative) {
        String path = relative.toString().replace('\\', '/');
        List<String> parts = List.of(path.split("/"));
        if (parts.contains("target") || parts.contains(".idea")) {
            return true;
        }
        // The grader's own tests check the instructor repository (solutions, known mistakes), and the
        // kitchen's check its collaborators: neither is a student's (and a public-test run stays fast).
        if (path.startsWith("grader/src/test") || path.startsWith("kitchen/src/test")) {
            return true;
        }
        return hidden == HiddenTests.EXCLUDE && path.matches("exercises/[^/]+/src/grading(/.*)?");
    }

    private void copyTree(Path from, Path to, List<Path> written) throws IOException {
        Path root = kit.root();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!excluded(root.relativize(p))) {
                    copyFile(p, to.resolve(from.relativize(p).toString()), written);
                }
            }
        }
    }

    private static void copyFile(Path from, Path to, List<Path> written) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        written.add(to);
    }

    private static void write(Path to, String text, List<Path> written) throws IOException {
        Files.createDirectories(to.getParent());
        Files.writeString(to, text, StandardCharsets.UTF_8);
        written.add(to);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Fails loudly if the instructor's file no longer has what the template must change. */
    private static String replaceOnce(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new IllegalStateException("cannot make the student template: expected to find " + target.strip()
                    + " in the instructor's pom");
        }
        return text.replace(target, replacement);
    }

    private static String removeLine(String text, String line) {
        String removed = text.replaceFirst("(?m)^[ \\t]*" + java.util.regex.Pattern.quote(line) + "[ \\t]*\\R", "");
        if (removed.equals(text)) {
            throw new IllegalStateException("cannot make the student template: expected to find " + line
                    + " in the instructor's pom");
        }
        return removed;
    }

    private String studentReadme(List<Exercise> exercises) throws IOException {
        String template;
        try (InputStream in = StudentTemplate.class.getResourceAsStream(STUDENT_README)) {
            if (in == null) {
                throw new IllegalStateException("the grader jar lacks " + STUDENT_README);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String table = exercises.stream()
                .map(e -> "| [`" + e.id() + "`](exercises/" + e.id() + "/README.md) — " + e.titleEn() + " | "
                        + e.points() + " |")
                .collect(Collectors.joining("\n"));
        String mode = hidden == HiddenTests.INCLUDE
                ? "- The graded tests are included (`exercises/*/src/grading/java`): your local `grade` gives the\n"
                        + "  same score as GitHub Classroom."
                : "- The graded tests stay with your instructor: locally, `grade` runs the public tests (worth no\n"
                        + "  points) and shows their feedback; your score comes from the *Autograding Tests* run on\n"
                        + "  GitHub after each push, which uses the instructor's tests.";
        return template.replace("{{EXERCISES}}", table).replace("{{MODE}}", mode);
    }

    private static String gradingKitReadme() {
        return """
                # Concurrency Kitchen — grading kit

                What GitHub Classroom grades with: the grader, the kitchen, and every exercise with its public
                and hidden tests. Released from the instructor repository with
                `java -jar grader/target/grader.jar release --grading-kit --out DIR` (see `kit.properties` for the
                commit). It holds no reference solutions, variants or known mistakes.

                Keep it in a **private** repository. The assignment's workflow fetches it with the variable
                `%s` (this repository's `owner/name`) and the secret `%s` (a fine-grained token that can
                read this repository's contents and nothing else). Refresh it with the same command and
                `--force` whenever the instructor repository changes.
                """.formatted(ClassroomWorkflow.GRADING_KIT_VARIABLE, ClassroomWorkflow.GRADING_KIT_TOKEN_SECRET);
    }
}
