package kitchen.grader.selfcheck;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.report.ConsoleReport;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grading.Lang;

/**
 * What a student reads of a grading in Brazilian Portuguese, searched for the kit's English words: each
 * exercise's title and message, each test's name and whole message (named by where they come from), then the
 * console report as {@code grade --lang pt-BR} prints it (the grader's own words; its lines already
 * reported under a test are not reported twice).
 */
final class StudentReads {

    private final EnglishWords check;

    private StudentReads(EnglishWords check) {
        this.check = check;
    }

    /** A check that knows the kit's class names (kitchen, stubs, tests, solutions and known submissions). */
    static StudentReads of(Kit kit) {
        List<Path> roots = new ArrayList<>();
        roots.add(kit.root().resolve("kitchen/src/main/java"));
        for (Exercise e : kit.exercises()) {
            roots.add(e.dir().resolve("src"));
            roots.add(kit.root().resolve("solutions").resolve(e.id()));
        }
        return new StudentReads(new EnglishWords(EnglishWords.classNames(roots)));
    }

    /** The English words in what {@code results} show a student, {@code label} saying what was graded. */
    List<EnglishWords.Finding> englishIn(String label, Grade grade) {
        List<EnglishWords.Finding> found = new ArrayList<>();
        for (ExerciseResult r : grade.exercises()) {
            String where = label.isEmpty() ? r.id() : r.id() + " / " + label;
            found.addAll(check.find(where + " (title)", r.title()));
            found.addAll(check.find(where + " (exercise message)", r.message()));
            for (TestResult t : r.tests()) {
                String test = where + " / " + t.methodName();
                found.addAll(check.find(test + " (name)", t.name()));
                found.addAll(check.find(test, t.message()));
            }
        }
        Set<String> seen = found.stream().map(f -> f.line().strip()).collect(Collectors.toCollection(HashSet::new));
        for (EnglishWords.Finding f : check.find((label.isEmpty() ? "" : label + " / ") + "console report",
                console(grade))) {
            if (!seen.contains(f.line().strip())) {
                found.add(f);
            }
        }
        return found;
    }

    /** The console report in pt-BR: the progress lines, the total and the feedback. */
    static String console(Grade grade) {
        StringWriter text = new StringWriter();
        ConsoleReport report = new ConsoleReport(new PrintWriter(text), false, Lang.PT_BR);
        report.header(grade.submission(), grade.exercises().size());
        grade.exercises().forEach(report::onExerciseFinished);
        report.printSummary(grade);
        return text.toString();
    }

    /** One finding per line, for an assertion's description. */
    static String describe(List<EnglishWords.Finding> found) {
        return Stream.concat(Stream.of(found.size() + " English word(s) in pt-BR:"), found.stream().map(Object::toString))
                .collect(Collectors.joining("\n"));
    }
}
