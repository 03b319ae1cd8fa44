package kitchen.grader.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Puts the parts of a class graded apart ({@code batch --shard K/N}, on N machines) back together: one
 * gradebook with every student's last row, and every feedback file. The parts must have the same columns
 * (the same kit's exercises, the same grader); a student found in two parts keeps the later part's row.
 */
public final class GradebookMerge {

    /** What was merged. */
    public record Summary(int parts, int students) {
    }

    private GradebookMerge() {
    }

    /**
     * @throws IllegalArgumentException when a part has no gradebook, or other columns than the kit's
     */
    public static Summary merge(List<String> exerciseIds, List<Path> parts, Path out) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Files.createDirectories(out.resolve("feedback"));
        try (Gradebook book = new Gradebook(out.resolve("gradebook.csv"), exerciseIds, true)) {
            for (Path part : parts) {
                Path csv = part.resolve("gradebook.csv");
                if (!Files.isRegularFile(csv)) {
                    throw new IllegalArgumentException(part + " has no gradebook.csv: is it a batch --out folder?");
                }
                try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    List<CSVRecord> records = CSVFormat.DEFAULT.parse(in).getRecords();
                    if (records.isEmpty() || !records.getFirst().toList().equals(book.header())) {
                        throw new IllegalArgumentException(csv + " has other columns than this kit's gradebook: "
                                + "grade every part with the same kit and grader");
                    }
                    for (CSVRecord r : records.subList(1, records.size())) {
                        if (r.size() == book.header().size()) {
                            rows.put(r.get(0), r.toList());
                        }
                    }
                }
                copyFeedback(part.resolve("feedback"), out.resolve("feedback"));
            }
            for (List<String> row : rows.values()) {
                book.append(row);
            }
        }
        return new Summary(parts.size(), rows.size());
    }

    private static void copyFeedback(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
