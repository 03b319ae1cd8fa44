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

    /**
     * What was merged.
     *
     * @param duplicates students found in more than one part (the later part's row was kept), with the parts
     */
    public record Summary(int parts, int students, List<String> duplicates) {
    }

    private GradebookMerge() {
    }

    /**
     * @throws IllegalArgumentException when a part has no gradebook, or other columns than the kit's
     */
    public static Summary merge(List<String> exerciseIds, List<Path> parts, Path out) throws IOException {
        checkComplete(parts);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Map<String, String> partOf = new LinkedHashMap<>();
        List<String> duplicates = new java.util.ArrayList<>();
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
                            String earlier = partOf.put(r.get(0), part.toString());
                            if (earlier != null && !earlier.equals(part.toString())) {
                                duplicates.add(r.get(0) + " (in " + earlier + " and " + part + ")");
                            }
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
        return new Summary(parts.size(), rows.size(), duplicates);
    }

    /**
     * Every part of a sharded class is there, once: each batch --shard run records its K/N, and a merge of
     * 1/3 and 3/3 without 2/3 would be a gradebook that silently lacks a third of the class.
     */
    static void checkComplete(List<Path> parts) throws IOException {
        java.util.TreeSet<Integer> have = new java.util.TreeSet<>();
        Integer count = null;
        for (Path part : parts) {
            Path file = part.resolve(Shard.FILE);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            java.util.Properties p = new java.util.Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            Shard shard = Shard.parse(p.getProperty("shard", "1/1"));
            if (count != null && count != shard.count()) {
                throw new IllegalArgumentException(part + " is part " + shard + ", but another part is of "
                        + count + ": merge the parts of one run");
            }
            count = shard.count();
            if (!have.add(shard.index())) {
                throw new IllegalArgumentException("part " + shard + " is given twice");
            }
        }
        if (count != null && have.size() != count) {
            List<String> missing = new java.util.ArrayList<>();
            for (int k = 1; k <= count; k++) {
                if (!have.contains(k)) {
                    missing.add(k + "/" + count);
                }
            }
            throw new IllegalArgumentException("part " + String.join(", ", missing) + " of the class "
                    + (missing.size() == 1 ? "is" : "are") + " missing: the gradebook would lack those students");
        }
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
