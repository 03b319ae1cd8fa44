package kitchen.grader.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code gradebook.csv}: one row per student, appended and flushed the moment that student is graded, so
 * a crash or Ctrl-C loses nothing already graded and a rerun can skip who is done. A student graded again
 * gets a new row; the last row of a student is the one that counts, and the next run keeps only it.
 *
 * <p>Columns: {@code student} (the clone's folder), {@code github_username} (the folder name after the
 * assignment prefix that {@code gh classroom clone} gives every folder, when they share one),
 * {@code roster_identifier} (that account's identifier on the course roster, with {@code batch --roster}), one score
 * column per exercise, {@code total}, {@code max}, {@code status} (one of {@link #STATUSES}), one
 * {@code <exercise>:status} column per exercise (graded, practice, compile-error, timeout, crashed,
 * missing, tampered, not-run), {@code tampered} (areas of the clone that differ from the kit),
 * {@code commit} and {@code commit_time} (the clone's HEAD), {@code kit} (the grading kit's fingerprint)
 * and {@code graded_at}; times in ISO-8601 UTC.
 */
final class Gradebook implements AutoCloseable {

    /**
     * A student's status: every exercise graded normally; some exercise not (its own status column says
     * which); the clone has no {@code exercises/} folder; the grader itself failed on this clone.
     */
    static final List<String> STATUSES = List.of("graded", "problems", "no-exercises", "error");

    private final Path file;
    private final List<String> header;
    private final Map<String, List<String>> kept = new LinkedHashMap<>();
    private CSVPrinter printer;

    /**
     * Opens the gradebook. Rows of an earlier run with the same columns are kept (unless {@code fresh});
     * a torn last row from a run that was killed is dropped, and that student is graded again.
     */
    Gradebook(Path file, List<String> exerciseIds, boolean fresh) throws IOException {
        this.file = file;
        header = new ArrayList<>(List.of("student", "github_username", "roster_identifier"));
        header.addAll(exerciseIds);
        header.addAll(List.of("total", "max", "status"));
        exerciseIds.forEach(id -> header.add(id + ":status"));
        header.addAll(List.of("tampered", "commit", "commit_time", "kit", "graded_at"));
        if (!fresh && Files.isRegularFile(file)) {
            readEarlierRows();
        }
        rewrite();
    }

    private void readEarlierRows() throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(in).getRecords();
            if (records.isEmpty() || !records.getFirst().toList().equals(header)) {
                throw new IllegalArgumentException(file + " has other columns (other exercises, or an older "
                        + "grader): use --force to grade everyone again, or another --out");
            }
            for (CSVRecord r : records.subList(1, records.size())) {
                if (r.size() == header.size()) {
                    kept.put(r.get(0), r.toList());
                }
            }
        }
    }

    private void rewrite() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord(header);
            for (List<String> row : kept.values()) {
                p.printRecord(row);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND),
                CSVFormat.DEFAULT);
    }

    /** The student's row from an earlier run, by column name, or an empty map. */
    Map<String, String> earlier(String student) {
        List<String> row = kept.get(student);
        Map<String, String> byColumn = new LinkedHashMap<>();
        if (row != null) {
            for (int i = 0; i < header.size(); i++) {
                byColumn.put(header.get(i), row.get(i));
            }
        }
        return byColumn;
    }

    List<String> header() {
        return List.copyOf(header);
    }

    /** A row's value in the named column: rows are read by name, never by position. */
    String cell(List<String> row, String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + header);
        }
        return row.get(i);
    }

    /** Appends one row (columns in {@link #header} order) and flushes it to disk. */
    synchronized void append(List<String> row) throws IOException {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("a gradebook row needs " + header.size() + " columns: " + row);
        }
        printer.printRecord(row);
        printer.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        printer.close();
    }
}
