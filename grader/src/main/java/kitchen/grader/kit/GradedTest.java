package kitchen.grader.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One graded test of an exercise, as its source declares it: known before anything is compiled, so a
 * report can list every graded test with 0 points even when the student's code never compiled or its
 * JVM was killed (GitHub Classroom needs the same runners on every push). The kit's self-check proves
 * this reading of the sources names exactly the tests the JUnit run reports, with the same points.
 *
 * @param className   the test class's fully qualified name
 * @param methodName  the test method
 * @param displayName its {@code @DisplayName} sentence (the method name when it has none)
 * @param points      its {@code @Points}
 * @param task        the N of its {@code @Tag("task:N")} (the README's "Task N"), 0 without one
 */
public record GradedTest(String className, String methodName, String displayName, int points, int task) {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern METHOD = Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(");
    private static final Pattern POINTS = Pattern.compile("@Points\\(\\s*(?:value\\s*=\\s*)?(\\d+)\\s*\\)");
    private static final String LITERAL = "\"(?:[^\"\\\\]|\\\\.)*\"";
    /** {@code @DisplayName("…")}, also written as literals joined with {@code +} across lines. */
    private static final Pattern DISPLAY_NAME = Pattern.compile(
            "@DisplayName\\(\\s*(" + LITERAL + "(?:\\s*\\+\\s*" + LITERAL + ")*)\\s*\\)");
    private static final Pattern TASK = Pattern.compile("@Tag\\(\\s*\"task:(\\d+)\"\\s*\\)");
    private static final Pattern ONE_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A stable id: {@code SimpleClassName.method}, as {@code TestResult.id()} spells it. */
    public String id() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
    }

    /** The graded tests under {@code sourceRoot} (an exercise's {@code src/grading/java}), files in path order. */
    static List<GradedTest> in(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            List<GradedTest> tests = new ArrayList<>();
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                tests.addAll(inFile(file, Files.readString(file, StandardCharsets.UTF_8)));
            }
            return List.copyOf(tests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The graded tests of one source file, in source order: each {@code @Points} and the method it annotates. */
    static List<GradedTest> inFile(Path file, String source) {
        String name = file.getFileName().toString();
        String simpleName = name.substring(0, name.length() - ".java".length());
        Matcher pkg = PACKAGE.matcher(source);
        String className = pkg.find() ? pkg.group(1) + "." + simpleName : simpleName;
        List<GradedTest> tests = new ArrayList<>();
        // A task tag on the class holds for every test in it that has none of its own.
        Matcher classKeyword = Pattern.compile("\\bclass\\s+" + Pattern.quote(simpleName) + "\\b").matcher(source);
        Matcher classTask = TASK.matcher(source).region(0, classKeyword.find() ? classKeyword.start() : 0);
        int classTaskNumber = classTask.find() ? Integer.parseInt(classTask.group(1)) : 0;
        Matcher points = POINTS.matcher(source);
        int previousMethod = 0;
        while (points.find()) {
            Matcher method = METHOD.matcher(source);
            if (!method.find(points.end())) {
                break;
            }
            // Its @DisplayName sits among the same annotations: the last one between the previous test
            // method and this one (a sentence may hold ';' or '}', so no boundary is looked for inside it).
            Matcher display = DISPLAY_NAME.matcher(source).region(previousMethod, method.start());
            String displayName = method.group(1);
            while (display.find()) {
                StringBuilder joined = new StringBuilder();
                Matcher part = ONE_LITERAL.matcher(display.group(1));
                while (part.find()) {
                    joined.append(unescape(part.group(1)));
                }
                displayName = joined.toString();
            }
            Matcher task = TASK.matcher(source).region(previousMethod, method.start());
            int taskNumber = classTaskNumber;
            while (task.find()) {
                taskNumber = Integer.parseInt(task.group(1));
            }
            tests.add(new GradedTest(className, method.group(1), displayName, Integer.parseInt(points.group(1)),
                    taskNumber));
            previousMethod = method.end();
        }
        return tests;
    }

    private static String unescape(String literal) {
        return literal.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
