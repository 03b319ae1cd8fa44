package kitchen.grader.report;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;

/**
 * What the grader prints: a line per exercise while grading runs, then a table of points and the
 * feedback for every test that did not pass.
 *
 * <pre>
 *   02-boil-eggs       boil eggs concurrently ............ 12/15  partial  (8.1 s)
 * </pre>
 *
 * Colors only when the caller says so (see {@link #colorWanted(PrintStream)}); messages are cleaned of control
 * characters either way, so a student's escape sequences cannot repaint the terminal.
 */
public final class ConsoleReport {

    private static final int ID_WIDTH = 18;
    private static final int TITLE_WIDTH = 40;
    private static final String INDENT = "  ";
    private static final String MESSAGE_INDENT = "        ";

    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final Lang lang;
    private final boolean color;
    /** The exercise whose progress line is started but not finished, or null. */
    private String pending;

    public ConsoleReport(PrintWriter out, boolean color, Lang lang) {
        this.out = out;
        this.color = color;
        this.lang = lang;
    }

    /** Writes through to {@code out} in its own charset, flushing after every line so progress shows. */
    public ConsoleReport(PrintStream out, boolean color, Lang lang) {
        this(new PrintWriter(new OutputStreamWriter(out, out.charset())), color, lang);
    }

    /**
     * The usual answer to "color?" for {@code out}: only for the process's own standard output (never a
     * file), not when {@code NO_COLOR} is set (no-color.org) or {@code TERM} is {@code dumb}, and only
     * when standard output is a terminal.
     */
    public static boolean colorWanted(PrintStream out) {
        return out == System.out && colorWanted(System.getenv());
    }

    /**
     * The environment's part of {@link #colorWanted(PrintStream)}. On JDK 22+ {@code System.console()} is
     * not null even when output goes to a file, so its {@code isTerminal()} is asked too (looked up by
     * reflection because the grader compiles for 21).
     */
    static boolean colorWanted(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if ((noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"))) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The first line: what is being graded. */
    public void header(String submission, int exercises) {
        endPendingLine();
        out.println(paint(Label.TITLE.in(lang), BOLD) + " — " + Label.GRADING.format(lang, Text.clean(submission))
                + " — " + exercises + " " + (exercises == 1 ? Label.EXERCISE : Label.EXERCISES).in(lang));
        out.println();
        out.flush();
    }

    /** Starts the exercise's progress line; {@link #onExerciseFinished} completes it. */
    public void onExerciseStarted(String id, String title) {
        endPendingLine();
        out.print(INDENT + pad(Text.clean(id), ID_WIDTH) + " " + dotted(Text.clean(title)));
        out.flush();
        pending = id;
    }

    public void onExerciseFinished(ExerciseResult result) {
        if (!result.id().equals(pending)) {
            endPendingLine();
            out.print(INDENT + pad(Text.clean(result.id()), ID_WIDTH) + " " + dotted(Text.clean(result.title())));
        }
        pending = null;
        Label verdict = Label.verdict(result);
        out.println(" " + padLeft(points(result), 7) + "  " + paint(verdict.in(lang), tone(verdict))
                + "  (" + seconds(result.duration()) + ")");
        out.flush();
    }

    /**
     * The total under the progress lines (they are the table: it is not printed twice), then the feedback
     * for whatever did not pass.
     */
    public void printSummary(Grade grade) {
        endPendingLine();
        boolean practice = grade.maxScore() == 0;
        String total = practice ? Label.NOT_GRADED_HERE.in(lang) : grade.score() + "/" + grade.maxScore();
        out.println(INDENT + paint(pad(Label.SCORE.in(lang), ID_WIDTH + 1 + TITLE_WIDTH) + " " + padLeft(total, 7), BOLD));
        if (grade.timeScale() > 1.0) {
            out.println(INDENT + lang.pick(
                    "(this machine was slow or busy: timing margins and deadlines were stretched ×",
                    "(esta máquina estava lenta ou ocupada: margens de tempo e prazos esticados ×")
                    + String.format(Label.locale(lang), "%.1f", grade.timeScale()) + ")");
        }
        if (practice) {
            out.println(INDENT + Label.PRACTICE_MODE.in(lang));
        }
        out.println(INDENT + "(" + grade.isolation().line(lang) + ")");

        out.println();
        out.println(INDENT + paint(Label.FEEDBACK.in(lang), BOLD));
        boolean any = false;
        boolean previousNotStarted = false;
        for (ExerciseResult e : grade.exercises()) {
            if (!Label.needsFeedback(e)) {
                continue;
            }
            any = true;
            boolean notStarted = e.status() == ExerciseStatus.NOT_STARTED;
            if (!(notStarted && previousNotStarted)) {
                out.println();
            }
            previousNotStarted = notStarted;
            if (notStarted) {
                // The stub, untouched: where to begin is all there is to say (one line, no gap between them).
                out.println(INDENT + Text.clean(e.id()) + "  " + paint(Label.NOT_STARTED.in(lang), YELLOW) + "  "
                        + Text.clean(e.message()));
                continue;
            }
            out.println(INDENT + Text.clean(e.id()) + "  " + Text.clean(e.title()) + "  " + points(e));
            if (e.status() != ExerciseStatus.GRADED && e.status() != ExerciseStatus.PRACTICE) {
                Label verdict = Label.verdict(e);
                out.println(INDENT + INDENT + paint(verdict.in(lang), tone(verdict)));
                message(e.message());
            }
            ExerciseFeedback feedback = ExerciseFeedback.of(e);
            for (ExerciseFeedback.Failure f : feedback.graded()) {
                String tone = f.status() == TestStatus.ERROR ? YELLOW : RED;
                for (TestResult t : f.tests()) {
                    out.println(INDENT + INDENT + paint("x " + Text.clean(t.name()), tone) + "  ("
                            + t.points() + "/" + t.maxPoints() + ", " + Label.of(t.status()).in(lang) + ")");
                }
                if (f.tests().size() > 1) {
                    out.println(MESSAGE_INDENT + Label.SAME_MESSAGE.format(lang, f.tests().size()));
                }
                message(f.message());
            }
            if (feedback.notRun() > 0) {
                out.println(INDENT + INDENT + paint("- " + Label.NOT_RUN_TESTS.format(lang, feedback.notRun(),
                        feedback.notRunPoints()), YELLOW));
            }
            if (!feedback.practice().isEmpty()) {
                out.println(INDENT + INDENT + Label.PRACTICE_CHECKS.in(lang) + ":");
                for (TestResult t : feedback.practice()) {
                    out.println(INDENT + INDENT + "- " + Text.clean(t.name()));
                    message(Text.head(t.message(), 6, 600, lang));
                }
            }
        }
        if (!any) {
            out.println(INDENT + INDENT + paint((practice ? Label.ALL_PRACTICE_PASSED : Label.ALL_PASSED).in(lang), GREEN));
        }
        out.flush();
    }

    private void message(String text) {
        String capped = Text.capped(text, Text.MESSAGE_CAP, lang).stripTrailing();
        if (capped.isEmpty()) {
            return;
        }
        for (String line : capped.split("\n", -1)) {
            out.println(line.isEmpty() ? "" : MESSAGE_INDENT + line);
        }
    }

    /** A progress line left open (an exercise that never reported finishing) is ended before anything else. */
    private void endPendingLine() {
        if (pending != null) {
            out.println();
            pending = null;
        }
    }

    /** The last line, when the file reports were written. */
    public void wroteReports(Path dir) {
        endPendingLine();
        out.println();
        out.println(Label.REPORTS_WRITTEN.format(lang, dir));
        out.flush();
    }

    private String paint(String text, String code) {
        return color ? code + text + RESET : text;
    }

    private static String tone(Label verdict) {
        return switch (verdict) {
            case PASSED -> GREEN;
            case PARTIAL, FAILED -> RED;
            default -> YELLOW;
        };
    }

    /** "12/15"; "-" for a practice exercise, which has no points to show. */
    private static String points(ExerciseResult e) {
        return e.maxScore() == 0 ? "-" : e.score() + "/" + e.maxScore();
    }

    private String seconds(Duration d) {
        return String.format(Label.locale(lang), "%.1f s", Text.millis(d) / 1000.0);
    }

    private static String dotted(String title) {
        String t = fit(title, TITLE_WIDTH - 2);
        return t + " " + ".".repeat(TITLE_WIDTH - 1 - t.length());
    }

    private static String pad(String text, int width) {
        String t = fit(text, width);
        return t + " ".repeat(width - t.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /** One line of at most {@code width} characters, cut with an ellipsis. */
    private static String fit(String text, int width) {
        String t = text.replace('\n', ' ').replace('\t', ' ');
        return t.length() <= width ? t : t.substring(0, width - 1) + "…";
    }
}
