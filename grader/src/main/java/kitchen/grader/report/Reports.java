package kitchen.grader.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import kitchen.grader.score.Grade;

/**
 * Writes every file report of a grade into one folder:
 * <pre>
 *   report.json            the whole grade, for tools
 *   summary.md             for $GITHUB_STEP_SUMMARY, or as a feedback file (pictures as Mermaid)
 *   report.html            one page to open in a browser, pictures as SVG, nothing fetched
 *   junit/TEST-&lt;id&gt;.xml   one per exercise, for CI test viewers
 *   classroom.json         GitHub Classroom's result, every graded test in one
 *   classroom/&lt;runner&gt;.json  GitHub Classroom's result, one per graded test (one runner each)
 * </pre>
 */
public final class Reports {

    private Reports() {
    }

    /** Writes all the files above into {@code outDir}, creating it; reports of exercises not in this grade are removed. */
    public static void writeAll(Path outDir, Grade grade) throws IOException {
        Files.createDirectories(outDir);
        // What records the grade first (tools, CI viewers, Classroom), then the pages a student reads.
        JsonReport.write(outDir, grade);
        JUnitXmlReport.write(outDir, grade);
        ClassroomReport.write(outDir, grade);
        MarkdownReport.write(outDir, grade);
        HtmlReport.write(outDir, grade);
        // A second run on fewer exercises (--only 02) must not leave the first run's files to be read as current.
        removeStale(outDir.resolve(JUnitXmlReport.DIR), "TEST-*.xml",
                grade.exercises().stream().map(JUnitXmlReport::fileName).collect(Collectors.toSet()));
        removeStale(outDir.resolve(ClassroomReport.DIR), "*.json",
                ClassroomReport.runners(grade).stream().map(ClassroomReport::fileName).collect(Collectors.toSet()));
    }

    private static void removeStale(Path dir, String glob, Set<String> current) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                if (!current.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
