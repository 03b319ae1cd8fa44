package kitchen.grader.engine;

import java.nio.file.Path;
import java.util.List;
import kitchen.grading.Lang;

/**
 * How to grade.
 *
 * @param kitClasspath the classes of the kit (collaborators, JUnit, AssertJ…): the compile and run class
 *                     path for every exercise, ahead of the student's classes
 * @param onlyTests    test method names to run (empty: all); the kit's checks of known mistakes use it
 * @param budget       the whole grading's wall-time budget, or null for none: an exercise's deadline is cut
 *                     to what is left of it, and exercises it cannot reach are not run (GitHub Actions kills a
 *                     job at its timeout, and a killed job reports no grade at all)
 * @param runUntouched true: run an exercise whose code is its stub too (the kit's self-check does, to prove
 *                     the stubs score 0); false: give it the status not-started without running it
 * @param sandbox      true: run each exercise's JVM in a cell where this machine allows one (see
 *                     {@link kitchen.grader.sandbox.Sandbox}); false: as the grading user, as everywhere else
 */
public record Options(Lang lang, double timeScale, List<Path> kitClasspath, List<String> onlyTests,
        java.time.Duration budget, boolean sandbox, boolean runUntouched) {

    public Options {
        kitClasspath = List.copyOf(kitClasspath);
        onlyTests = List.copyOf(onlyTests);
    }

    /** This JVM's own class path: grader.jar when run with {@code java -jar}, the full path in tests. */
    public static List<Path> ownClasspath() {
        String cp = System.getProperty("java.class.path", "");
        return java.util.Arrays.stream(cp.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).map(Path::toAbsolutePath).toList();
    }

    public static Options defaults(Lang lang) {
        return new Options(lang, 1.0, ownClasspath(), List.of(), null, true, false);
    }

    public Options onlyTests(List<String> methods) {
        return new Options(lang, timeScale, kitClasspath, methods, budget, sandbox, runUntouched);
    }

    /** The same options, with feedback in {@code other}. */
    public Options lang(Lang other) {
        return new Options(other, timeScale, kitClasspath, onlyTests, budget, sandbox, runUntouched);
    }

    public Options timeScale(double factor) {
        return new Options(lang, factor, kitClasspath, onlyTests, budget, sandbox, runUntouched);
    }

    public Options budget(java.time.Duration total) {
        return new Options(lang, timeScale, kitClasspath, onlyTests, total, sandbox, runUntouched);
    }

    /** Without a cell even where the machine allows one (to compare, or to debug a submission as it runs). */
    public Options withoutSandbox() {
        return new Options(lang, timeScale, kitClasspath, onlyTests, budget, false, runUntouched);
    }

    /** Runs stubs too, instead of calling them not started. */
    public Options runningUntouched() {
        return new Options(lang, timeScale, kitClasspath, onlyTests, budget, sandbox, true);
    }

    /** What will hold for student code under these options on this machine. */
    public kitchen.grader.sandbox.Isolation isolation() {
        return sandbox ? kitchen.grader.sandbox.Sandbox.probe()
                : kitchen.grader.sandbox.Isolation.none("--no-sandbox was given");
    }
}
