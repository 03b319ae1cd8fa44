package kitchen.grader.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The authoring contract of {@code solutions/README.md}, checked: what an exercise declares in one place
 * agrees with what it says everywhere else. Each problem is a sentence that names the file to fix.
 */
final class KitContract {

    static final int KIT_TOTAL = 100;
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ROOT_ROW = Pattern.compile("^\\|\\s*\\d+\\s*\\|\\s*`([^`]+)`.*\\|\\s*(\\d+)\\s*\\|\\s*$");
    private static final Pattern TASK_HEADING_EN = Pattern.compile("(?m)^## Task (\\d+)\\b");
    private static final Pattern TASK_HEADING_PT = Pattern.compile("(?m)^## Tarefa (\\d+)\\b");

    private KitContract() {
    }

    static List<String> problems(Kit kit) {
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (Exercise e : kit.exercises()) {
            total += e.points();
            List<GradedTest> graded = e.gradedTests();
            int sum = graded.stream().mapToInt(GradedTest::points).sum();
            if (sum != e.points()) {
                problems.add("exercises/" + e.id() + "/exercise.properties: points=" + e.points()
                        + ", but its graded tests' @Points add up to " + sum);
            }
            for (GradedTest t : graded) {
                if (t.task() == 0) {
                    problems.add(e.id() + ": graded test " + t.id() + " has no @Tag(\"task:N\")");
                }
            }
            checkReadme(e, graded, "README.md", "task", TASK_HEADING_EN, true, problems);
            checkReadme(e, graded, "README.pt-BR.md", "tarefa", TASK_HEADING_PT, false, problems);
            checkPracticeTable(e, problems);
        }
        if (total != KIT_TOTAL) {
            problems.add("the exercises' points add up to " + total + ", not " + KIT_TOTAL
                    + ": rebalance points= in their exercise.properties (and the @Points and README tables)");
        }
        checkRootReadme(kit, problems);
        checkModules(kit, "exercises/pom.xml", problems);
        checkModules(kit, "solutions/pom.xml", problems);
        return problems;
    }

    /** The README's points table: the graded tests in order, with their tasks and points (and, in English, names). */
    private static void checkReadme(Exercise e, List<GradedTest> graded, String file, String taskHeader,
            Pattern taskHeading, boolean names, List<String> problems) {
        Path readme = e.dir().resolve(file);
        if (!Files.exists(readme)) {
            problems.add("exercises/" + e.id() + "/" + file + " is missing");
            return;
        }
        String text = read(readme);
        List<PointsTable.Row> rows = PointsTable.rows(text, taskHeader);
        List<PointsTable.Row> expected = PointsTable.tableOrder(graded).stream()
                .map(t -> new PointsTable.Row(t.task(), names ? t.displayName() : "", t.points())).toList();
        List<PointsTable.Row> actual = names ? rows
                : rows.stream().map(r -> new PointsTable.Row(r.task(), "", r.points())).toList();
        if (!actual.equals(expected)) {
            problems.add("exercises/" + e.id() + "/" + file + ": its points table should read, in order, "
                    + expected.stream().map(r -> "| " + r.task() + " | " + (names ? r.name() : "…") + " | "
                            + r.points() + " |").collect(Collectors.joining(" ")) + "; it reads "
                    + actual.stream().map(r -> "| " + r.task() + " | " + (names ? r.name() : "…") + " | "
                            + r.points() + " |").collect(Collectors.joining(" ")));
        }
        Set<Integer> sections = new LinkedHashSet<>();
        Matcher heading = taskHeading.matcher(text);
        while (heading.find()) {
            sections.add(Integer.parseInt(heading.group(1)));
        }
        Set<Integer> tagged = graded.stream().map(GradedTest::task).filter(t -> t > 0)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!sections.containsAll(tagged)) {
            problems.add("exercises/" + e.id() + "/" + file + ": graded tests are tagged with tasks " + tagged
                    + " but its task sections are " + sections);
        }
    }

    /** README.pt-BR.md's practice table names every public test, once, in source order: the grader's pt names. */
    private static void checkPracticeTable(Exercise e, List<String> problems) {
        Path readme = e.dir().resolve("README.pt-BR.md");
        if (!Files.exists(readme)) {
            return;
        }
        List<String> methods = PracticeChecks.methods(e).stream().map(m -> m.substring(m.indexOf('#') + 1)).toList();
        if (methods.stream().distinct().count() != methods.size()) {
            problems.add(e.id() + ": two public tests share a method name " + methods
                    + ": the practice table in README.pt-BR.md could not tell them apart");
        }
        java.util.Map<String, String> rows = PracticeChecks.rows(read(readme));
        if (!new ArrayList<>(rows.keySet()).equals(methods) || rows.values().stream().anyMatch(String::isBlank)) {
            problems.add("exercises/" + e.id() + "/README.pt-BR.md: its practice table (| " + PracticeChecks.HEADER_PT
                    + " | verificação de treino |) should name, in order, each public test with its Portuguese name: "
                    + methods.stream().map(m -> "| `" + m + "` | " + (rows.getOrDefault(m, "").isBlank() ? "…" : rows.get(m))
                            + " |").collect(Collectors.joining(" ")) + "; it lists " + rows.keySet());
        }
    }

    private static void checkRootReadme(Kit kit, List<String> problems) {
        Path readme = kit.root().resolve("README.md");
        if (!Files.exists(readme)) {
            return;
        }
        java.util.Map<String, Integer> listed = new java.util.LinkedHashMap<>();
        for (String line : read(readme).split("\n")) {
            Matcher row = ROOT_ROW.matcher(line.strip());
            if (row.matches()) {
                listed.put(row.group(1), Integer.parseInt(row.group(2)));
            }
        }
        java.util.Map<String, Integer> declared = new java.util.LinkedHashMap<>();
        kit.exercises().forEach(e -> declared.put(e.id(), e.points()));
        if (!listed.equals(declared)) {
            problems.add("README.md: the exercises table should list " + declared + "; it lists " + listed);
        }
    }

    private static void checkModules(Kit kit, String pom, List<String> problems) {
        Path file = kit.root().resolve(pom);
        if (!Files.exists(file)) {
            return;
        }
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(read(file));
        while (m.find()) {
            modules.add(m.group(1).strip());
        }
        List<String> ids = kit.exercises().stream().map(Exercise::id).toList();
        if (!modules.equals(ids)) {
            problems.add(pom + ": its <modules> should be " + ids + ", are " + modules);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
