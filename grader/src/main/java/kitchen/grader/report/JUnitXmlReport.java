package kitchen.grader.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;

/**
 * {@code junit/TEST-<exercise>.xml}: one Surefire-style file per exercise, for CI test viewers. An
 * exercise that could not run (compile error, timeout, crash, missing) also gets one synthetic
 * {@code <error>} test case carrying why, so viewers that only show test cases still show it.
 *
 * <p>The writer is the JDK's own StAX writer, which escapes markup ({@code </testcase>}, {@code ]]>});
 * characters XML 1.0 cannot carry at all are removed first by {@link Text#clean}.
 */
final class JUnitXmlReport {

    static final String DIR = "junit";

    /** The JDK's implementation, never whichever StAX provider happens to be on the class path. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private JUnitXmlReport() {
    }

    static String fileName(ExerciseResult exercise) {
        return "TEST-" + Text.fileName(exercise.id()) + ".xml";
    }

    static void write(Path outDir, Grade grade) throws IOException {
        Path dir = Files.createDirectories(outDir.resolve(DIR));
        for (ExerciseResult e : grade.exercises()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(fileName(e)))) {
                out.write(render(e, grade.lang()).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static String render(ExerciseResult e, Lang lang) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            writeSuite(xml, e, lang);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException("writing XML to a string cannot fail", ex);
        }
        return buffer + "\n";
    }

    private static void writeSuite(XMLStreamWriter xml, ExerciseResult e, Lang lang) throws XMLStreamException {
        boolean synthetic = e.status() != ExerciseStatus.GRADED && e.status() != ExerciseStatus.PRACTICE;
        long failures = e.tests().stream().filter(t -> t.status() == TestStatus.FAILED).count();
        long errors = e.tests().stream().filter(t -> t.status() == TestStatus.ERROR || t.status() == TestStatus.NOT_RUN)
                .count() + (synthetic ? 1 : 0);

        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", Text.clean(e.id()));
        xml.writeAttribute("tests", String.valueOf(e.tests().size() + (synthetic ? 1 : 0)));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(e.duration()));

        // Points are what this kit is about; viewers that show suite properties show them too.
        newline(xml, 1);
        xml.writeStartElement("properties");
        property(xml, "title", Text.clean(e.title()));
        property(xml, "score", String.valueOf(e.score()));
        property(xml, "maxScore", String.valueOf(e.maxScore()));
        property(xml, "status", e.status().json());
        newline(xml, 1);
        xml.writeEndElement();

        for (TestResult t : e.tests()) {
            newline(xml, 1);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", Text.clean(t.className()));
            xml.writeAttribute("name", Text.clean(t.name()));
            xml.writeAttribute("time", seconds(t.duration()));
            if (t.status() != TestStatus.PASSED) {
                newline(xml, 2);
                problem(xml, t.status() == TestStatus.FAILED ? "failure" : "error", t.status().json(),
                        t.message(), lang);
                newline(xml, 1);
            }
            xml.writeEndElement();
        }
        if (synthetic) {
            newline(xml, 1);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", Text.clean(e.id()));
            xml.writeAttribute("name", Label.verdict(e).in(lang));
            xml.writeAttribute("time", seconds(e.duration()));
            newline(xml, 2);
            problem(xml, "error", e.status().json(), e.message(), lang);
            newline(xml, 1);
            xml.writeEndElement();
        }
        String output = Text.capped(e.output(), Text.OUTPUT_CAP, lang);
        if (!output.isEmpty()) {
            newline(xml, 1);
            xml.writeStartElement("system-out");
            xml.writeCharacters(output);
            xml.writeEndElement();
        }
        newline(xml, 0);
        xml.writeEndElement();
    }

    /** {@code <failure>} or {@code <error>}: the first line as the message attribute, the whole message as text. */
    private static void problem(XMLStreamWriter xml, String element, String type, String message, Lang lang)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", Text.firstLine(message, 500, lang));
        xml.writeAttribute("type", type);
        xml.writeCharacters(Text.capped(message, Text.MESSAGE_CAP, lang));
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 2);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", Text.millis(d) / 1000.0);
    }
}
