package kitchen.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kitchen.grader.protocol.Picture;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grading.Lang;

/**
 * {@code summary.md}: the grade as GitHub renders it on the run page ({@code $GITHUB_STEP_SUMMARY}) and
 * as a student's feedback file. A table of exercises, then a collapsed section per exercise that lost
 * points, with each message in a code block (what a program printed stays monospaced) and its timelines
 * and deadlock cycles drawn as Mermaid diagrams, which GitHub renders.
 */
public final class MarkdownReport {

    static final String FILE = "summary.md";

    /** GitHub refuses a step summary over 1 MiB; stay well below it, whatever the messages hold. */
    static final int BUDGET = 900 * 1024;

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|~&#]");

    private MarkdownReport() {
    }

    static void write(Path outDir, Grade grade) throws IOException {
        Files.writeString(outDir.resolve(FILE), render(grade), StandardCharsets.UTF_8);
    }

    /** The whole summary, ready to append to {@code $GITHUB_STEP_SUMMARY} or save as a feedback file. */
    public static String render(Grade grade) {
        Lang lang = grade.lang();
        StringBuilder md = new StringBuilder();
        boolean practice = grade.maxScore() == 0;
        String total = practice ? Label.NOT_GRADED_HERE.in(lang) : grade.score() + " / " + grade.maxScore();
        md.append("# ").append(Label.TITLE.in(lang)).append(" — ").append(total).append("\n\n");
        if (practice) {
            md.append("> ").append(Label.PRACTICE_MODE.in(lang)).append("\n\n");
        }

        md.append("| ").append(Label.EXERCISE.in(lang)).append(" | ").append(Label.POINTS.in(lang))
                .append(" | ").append(Label.STATUS.in(lang)).append(" |\n");
        md.append("| --- | ---: | --- |\n");
        for (ExerciseResult e : grade.exercises()) {
            Label verdict = Label.verdict(e);
            md.append("| ").append(inline(e.id() + " — " + e.title()))
                    .append(" | ").append(points(e))
                    .append(" | ").append(icon(verdict)).append(' ').append(verdict.in(lang)).append(" |\n");
        }
        md.append("| **").append(Label.SCORE.in(lang)).append("** | **").append(total).append("** | |\n\n");

        md.append("## ").append(Label.FEEDBACK.in(lang)).append("\n\n");
        boolean any = false;
        for (ExerciseResult e : grade.exercises()) {
            if (!Label.needsFeedback(e)) {
                continue;
            }
            any = true;
            String section = details(e, lang);
            if (md.length() + section.length() > BUDGET) {
                md.append(Label.MORE_IN_JSON.in(lang)).append("\n");
                return md.toString();
            }
            md.append(section);
        }
        if (!any) {
            md.append((practice ? Label.ALL_PRACTICE_PASSED : Label.ALL_PASSED).in(lang)).append("\n");
        }
        return md.toString();
    }

    private static String details(ExerciseResult e, Lang lang) {
        StringBuilder md = new StringBuilder();
        if (e.status() == ExerciseStatus.NOT_STARTED) {
            // The stub, untouched: one line, where to begin.
            return md.append("- ").append(inline(e.id() + " — " + e.title())).append(": ").append(points(e))
                    .append(", **").append(Label.NOT_STARTED.in(lang)).append("** — ").append(inline(e.message()))
                    .append("\n\n").toString();
        }
        ExerciseFeedback feedback = ExerciseFeedback.of(e);
        long notPassed = e.gradedTests().stream().filter(t -> !t.passed()).count();
        md.append("<details>\n<summary>").append(html(e.id() + " — " + e.title())).append(": ").append(points(e));
        if (notPassed > 0) {
            md.append(" (").append(html(Label.TESTS_NOT_PASSED.format(lang, notPassed, e.gradedTests().size())))
                    .append(')');
        }
        // The blank line ends the HTML block, so what follows is Markdown again.
        md.append("</summary>\n\n");
        if (e.status() != ExerciseStatus.GRADED && e.status() != ExerciseStatus.PRACTICE) {
            md.append("**").append(icon(Label.verdict(e))).append(' ').append(Label.verdict(e).in(lang))
                    .append("**\n\n");
            fenced(md, Text.capped(e.message(), Text.MESSAGE_CAP, lang));
        }
        for (ExerciseFeedback.Failure f : feedback.graded()) {
            for (TestResult t : f.tests()) {
                md.append("**").append(inline(t.name())).append("** — ")
                        .append(Label.of(t.status()).in(lang)).append(", ")
                        .append(Label.POINTS_LOST.format(lang, t.maxPoints() - t.points())).append("\n\n");
            }
            if (f.tests().size() > 1) {
                md.append(html(Label.SAME_MESSAGE.format(lang, f.tests().size()))).append("\n\n");
            }
            List<Picture> pictures = f.tests().getFirst().pictures();
            fenced(md, Text.capped(withoutDrawnTimelines(f.message(), pictures), Text.MESSAGE_CAP, lang));
            for (Picture picture : pictures) {
                // Invisible on GitHub; names the test a diagram belongs to, for tools (and the kit's browser check).
                md.append("<!-- test: ").append(f.tests().getFirst().id().replaceAll("[^A-Za-z0-9_.$]", "_"))
                        .append(" -->\n").append(MermaidPictures.block(picture, lang)).append('\n');
            }
        }
        if (feedback.notRun() > 0) {
            md.append("⚠️ ").append(inline(Label.NOT_RUN_TESTS.format(lang, feedback.notRun(), feedback.notRunPoints())))
                    .append("\n\n");
        }
        if (!feedback.practice().isEmpty()) {
            md.append("*").append(inline(Label.PRACTICE_CHECKS.in(lang))).append("*\n\n");
            for (TestResult t : feedback.practice()) {
                md.append("- ").append(inline(t.name())).append("\n");
            }
            md.append('\n');
            fenced(md, Text.capped(feedback.practice().stream().map(t -> Text.head(t.message(), 6, 600, lang))
                    .reduce((a, b) -> a + "\n\n" + b).orElse(""), Text.MESSAGE_CAP, lang));
        }
        md.append("</details>\n\n");
        return md.toString();
    }

    /**
     * The message without the text timelines that are drawn below it as pictures (a block of {@code |===|}
     * beside the same bars drawn is noise). Deadlock cycles stay: they are sentences as well as pictures.
     */
    static String withoutDrawnTimelines(String message, List<Picture> pictures) {
        String out = message;
        for (Picture p : pictures) {
            if (p instanceof Picture.Timeline t && !t.text().isBlank()) {
                out = out.replace(t.text().strip(), "");
            }
        }
        return out.strip();
    }

    private static String points(ExerciseResult e) {
        return e.maxScore() == 0 ? "–" : e.score() + " / " + e.maxScore();
    }

    /**
     * A code block whose fence is longer than any run of backticks in the text, so no message can close
     * it early (CommonMark: the closing fence must be at least as long as the opening one).
     */
    static void fenced(StringBuilder md, String text) {
        if (text.isBlank()) {
            return;
        }
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.end() - m.start());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        md.append(fence).append("text\n").append(text.stripTrailing()).append('\n').append(fence).append("\n\n");
    }

    /**
     * Text for a table cell or a paragraph: one line, with every character that Markdown (or a GFM
     * table's {@code |}) could read as syntax escaped by a backslash, which CommonMark allows before any
     * ASCII punctuation.
     */
    static String inline(String text) {
        String oneLine = Text.clean(text).replace('\n', ' ').replace('\t', ' ');
        return MARKDOWN_SPECIAL.matcher(oneLine).replaceAll(r -> "\\\\" + Matcher.quoteReplacement(r.group()));
    }

    /** Text inside an HTML element ({@code <summary>}), where Markdown escapes are not read but entities are. */
    static String html(String text) {
        return Text.clean(text).replace('\n', ' ')
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String icon(Label verdict) {
        return switch (verdict) {
            case PASSED -> "✅";
            case PARTIAL -> "🟡";
            case FAILED -> "❌";
            default -> "⚠️";
        };
    }
}
