package kitchen.grader.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in the grader's own JVM with the JDK's compiler. Annotation processing is off,
 * so compiling runs no student code; only running the tests (in a forked JVM) does.
 */
public final class Compilation {

    /** Release the kit targets: students may be on JDK 21 or newer. */
    static final String RELEASE = "21";
    private static final int MAX_ERRORS = 20;

    /** The outcome: success, or the compiler's errors as "File.java:12: message" lines. */
    public record Result(boolean ok, String errors) {
    }

    private Compilation() {
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoots} into {@code outDir}, and copies the
     * other files of {@code resourceRoots} next to the classes.
     *
     * @param shownRelativeTo errors name files relative to this folder (what the student sees)
     */
    public static Result compile(List<Path> sourceRoots, List<Path> resourceRoots, List<Path> classpath,
            Path outDir, Path shownRelativeTo) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Result(false, "the grader runs on a Java runtime without a compiler (a JRE): "
                    + "run it with a JDK 21 or newer");
        }
        List<Path> sources = javaFiles(sourceRoots);
        try {
            Files.createDirectories(outDir);
            copyResources(resourceRoots, outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            return new Result(true, "");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "--release", RELEASE,
                    "-proc:none",
                    "-encoding", "UTF-8",
                    "-nowarn",
                    "-Xmaxerrs", String.valueOf(MAX_ERRORS),
                    "-implicit:none",
                    "-d", outDir.toString(),
                    "-classpath", joinPath(classpath));
            StringWriter compilerOut = new StringWriter();
            boolean ok = javac.getTask(compilerOut, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            return new Result(ok, ok ? "" : describe(diagnostics.getDiagnostics(), shownRelativeTo, compilerOut));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // javac itself can throw on pathological input; that is the submission's compile error.
            return new Result(false, "the compiler stopped: " + e);
        }
    }

    public static String joinPath(List<Path> classpath) {
        return String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics, Path base,
            StringWriter compilerOut) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = d.getSource() == null ? "" : shown(Path.of(d.getSource().toUri()), base) + ":"
                    + d.getLineNumber() + ": ";
            out.append(where).append(d.getMessage(Locale.ROOT)).append('\n');
        }
        if (out.isEmpty()) {
            out.append(compilerOut.toString().strip());
        }
        return out.toString().strip();
    }

    private static String shown(Path file, Path base) {
        try {
            return base.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.getFileName().toString();
        }
    }

    private static List<Path> javaFiles(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static void copyResources(List<Path> roots, Path outDir) throws IOException {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = outDir.resolve(root.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The packages declared by sources under {@code root}, read without compiling. */
    public static List<String> declaredPackages(Path root) {
        List<String> packages = new ArrayList<>();
        for (Path f : javaFiles(List.of(root))) {
            try {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                var m = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
                if (m.find()) {
                    packages.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return packages;
    }
}
