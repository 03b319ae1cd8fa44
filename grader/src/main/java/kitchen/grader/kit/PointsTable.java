package kitchen.grader.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exercise README's points table ({@code | task | graded test | points |}, one row per graded test, task
 * by task; {@code | tarefa | teste … | pontos |} in README.pt-BR.md). The kit's contract test keeps it equal
 * to the graded tests; the grader reads the Portuguese one for the tests' names in pt-BR feedback.
 */
public final class PointsTable {

    /** One graded test as the table lists it; task and points are -1 in a row that is not a number. */
    public record Row(int task, String name, int points) {
    }

    private PointsTable() {
    }

    /** The rows of the table whose header's first cell is {@code taskHeader}, the total row left out. */
    public static List<Row> rows(String markdown, String taskHeader) {
        List<Row> rows = new ArrayList<>();
        for (List<String> cells : MarkdownTable.rows(markdown, taskHeader)) {
            if (cells.size() < 3 || cells.get(0).isBlank()) {
                // The total row (no task).
                continue;
            }
            try {
                rows.add(new Row(Integer.parseInt(cells.get(0)), cells.get(1), Integer.parseInt(cells.getLast())));
            } catch (NumberFormatException ex) {
                rows.add(new Row(-1, "| " + String.join(" | ", cells) + " |", -1));
            }
        }
        return rows;
    }

    /** The graded tests in the order the tables list them: task by task, each task's in source order. */
    public static List<GradedTest> tableOrder(List<GradedTest> graded) {
        return graded.stream().sorted(Comparator.comparingInt(GradedTest::task)).toList();
    }

    /**
     * The graded tests' names in Brazilian Portuguese, by {@code class#method}, from README.pt-BR.md; empty
     * when the table does not line up with the graded tests (then the English names stay).
     */
    public static Map<String, String> portugueseNames(Exercise exercise) {
        Path readme = exercise.dir().resolve("README.pt-BR.md");
        if (!Files.isRegularFile(readme)) {
            return Map.of();
        }
        List<Row> rows;
        try {
            rows = rows(Files.readString(readme, StandardCharsets.UTF_8), "tarefa");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GradedTest> ordered = tableOrder(exercise.gradedTests());
        if (rows.size() != ordered.size()) {
            return Map.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            GradedTest t = ordered.get(i);
            if (rows.get(i).task() != t.task() || rows.get(i).points() != t.points()) {
                return Map.of();
            }
            names.put(t.className() + "#" + t.methodName(), rows.get(i).name().replace("`", ""));
        }
        return names;
    }
}
