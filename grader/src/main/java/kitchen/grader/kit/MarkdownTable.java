package kitchen.grader.kit;

import java.util.ArrayList;
import java.util.List;

/** The body of a table in a README: the rows under the header whose first cell is given, up to the table's end. */
final class MarkdownTable {

    private MarkdownTable() {
    }

    /**
     * Each body row's cells, stripped, the separator row left out; empty when no header matches.
     *
     * @param firstHeaderCell the first cell of the header (a regular expression)
     */
    static List<List<String>> rows(String markdown, String firstHeaderCell) {
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : markdown.replace("\r\n", "\n").split("\n")) {
            String trimmed = line.strip();
            if (!inTable) {
                inTable = trimmed.matches("\\|\\s*" + firstHeaderCell + "\\s*\\|.*");
                continue;
            }
            if (!trimmed.startsWith("|")) {
                break;
            }
            String[] cells = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length())
                    .split("\\|", -1);
            if (cells[0].strip().startsWith("---")) {
                continue;
            }
            rows.add(java.util.Arrays.stream(cells).map(String::strip).toList());
        }
        return rows;
    }
}
