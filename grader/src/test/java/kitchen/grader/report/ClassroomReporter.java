package kitchen.grader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The arithmetic of GitHub Classroom's {@code autograding-grading-reporter} (v1), applied to the files
 * the grader writes, as the Classroom workflow feeds them (one runner per {@code classroom/*.json}, in
 * name order). Mirrors its sources: {@code NotifyClassroom} (the {@code Points} notice Classroom records),
 * {@code getTestScore} (the log table and the "Total points for …" lines: passed ÷ tests × max_score) and
 * {@code main} (the job fails when any runner's status is {@code fail} or {@code error}).
 */
public record ClassroomReporter(double noticePoints, double noticeMax, double tableTotal, List<Double> runnerTotals,
        boolean jobFails, int runners) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static ClassroomReporter read(Path reportDir) {
        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(reportDir.resolve(ClassroomReport.DIR))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                results.add(MAPPER.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(results);
    }

    public static ClassroomReporter of(List<JsonNode> results) {
        double points = 0;
        double max = 0;
        double table = 0;
        List<Double> totals = new ArrayList<>();
        boolean fails = false;
        for (JsonNode r : results) {
            double maxScore = r.path("max_score").asDouble(0);
            // NotifyClassroom: runners without max_score are skipped; the rest add every test's score.
            if (maxScore != 0) {
                max += maxScore;
                for (JsonNode t : r.get("tests")) {
                    points += t.get("score").isNumber() ? t.get("score").asDouble() : Double.NaN;
                }
            }
            // getTestScore: passed tests ÷ tests × max_score (NaN for an empty list).
            long passed = 0;
            for (JsonNode t : r.get("tests")) {
                passed += "pass".equals(t.get("status").asText()) ? 1 : 0;
            }
            double score = (double) passed / r.get("tests").size() * maxScore;
            totals.add(score);
            table += score;
            String status = r.get("status").asText();
            fails |= status.equals("fail") || status.equals("error");
        }
        return new ClassroomReporter(points, max, table, totals, fails, results.size());
    }
}
