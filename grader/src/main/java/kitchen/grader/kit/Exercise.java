package kitchen.grader.kit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kitchen.grading.Lang;

/**
 * One exercise of the kit, as its {@code exercise.properties} describes it.
 *
 * @param id              the folder name, e.g. {@code 02-boil-eggs}
 * @param dir             the exercise folder in the kit (where its tests come from)
 * @param points          the exercise's share of the kit's 100 points
 * @param deadlineSeconds hard deadline of the exercise's JVM before the machine's time scale
 * @param timingSensitive true if it judges timing or cores, so nothing else may run beside it
 * @param allowSleep      the student may call Thread.sleep (off by default: the kitchen does the waiting)
 * @param allowProcesses  the student may start processes (only the processes exercise)
 * @param stubSha256      the {@link StubFingerprint} of the exercise's stub, "" if not recorded
 */
public record Exercise(
        String id,
        Path dir,
        String titleEn,
        String titlePtBr,
        int points,
        int deadlineSeconds,
        boolean timingSensitive,
        boolean allowSleep,
        boolean allowProcesses,
        String stubSha256) {

    public static final String PROPERTIES = "exercise.properties";

    static Exercise load(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String id = dir.getFileName().toString();
        return new Exercise(
                id,
                dir,
                p.getProperty("title.en", id).trim(),
                p.getProperty("title.pt-BR", p.getProperty("title.en", id)).trim(),
                Integer.parseInt(p.getProperty("points", "0").trim()),
                Integer.parseInt(p.getProperty("deadline.seconds", "120").trim()),
                !"insensitive".equalsIgnoreCase(p.getProperty("timing", "sensitive").trim()),
                Boolean.parseBoolean(p.getProperty("rules.allow-sleep", "false").trim()),
                Boolean.parseBoolean(p.getProperty("rules.allow-processes", "false").trim()),
                p.getProperty("stub.sha256", "").trim());
    }

    /** The stub's own sources (in a student's clone, the student's code: see {@link StubFingerprint}). */
    public Path stubSources() {
        return dir.resolve("src/main/java");
    }

    /** True if these sources are the exercise's stub, unchanged. */
    public boolean untouched(Path studentSources) {
        return !stubSha256.isEmpty() && stubSha256.equals(StubFingerprint.of(studentSources));
    }

    public String title(Lang lang) {
        return lang.pick(titleEn, titlePtBr);
    }

    /** The public tests, shipped to students. */
    public Path publicTests() {
        return dir.resolve("src/test/java");
    }

    /** The hidden graded tests; absent in a student template built without them. */
    public Path hiddenTests() {
        return dir.resolve("src/grading/java");
    }

    /** Whether this copy of the kit holds the hidden graded tests (a student template usually does not). */
    public boolean hasHiddenTests() {
        return Files.isDirectory(hiddenTests());
    }

    /** The graded tests its hidden test sources declare, in source order (empty without hidden tests). */
    public List<GradedTest> gradedTests() {
        return GradedTest.in(hiddenTests());
    }

    public Path publicTestResources() {
        return dir.resolve("src/test/resources");
    }

    public Path hiddenTestResources() {
        return dir.resolve("src/grading/resources");
    }
}
