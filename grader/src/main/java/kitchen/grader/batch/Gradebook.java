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
 * a crash or Ctrl-C loses nothing already graded and a rerun can skip who is done.
 */
final class Gradebook implements AutoCloseable {

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
        header = new ArrayList<>(List.of("student"));
        header.addAll(exerciseIds);
        header.addAll(List.of("total", "max", "status", "tampered", "commit", "commit_time", "graded_at"));
        if (!fresh && Files.isRegularFile(file)) {
            readEarlierRows();
        }
        rewrite();
    }

    private void readEarlierRows() throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(in).getRecords();
            if (records.isEmpty() || !records.getFirst().toList().equals(header)) {
                throw new IllegalArgumentException(file + " was written for other exercises (its columns differ): "
                        + "use --force to grade everyone again, or another --out");
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

    boolean has(String student) {
        return kept.containsKey(student);
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
