package kitchen.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kitchen.grader.protocol.Picture;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grading.Lang;

/**
 * {@code report.html}: the grade as one page to open in a browser, with the same table and feedback as
 * {@code summary.md}, and every timeline and deadlock cycle drawn as SVG. Self-contained: styles inline,
 * no script, nothing fetched, so it opens offline and from a folder of a class's feedback; readable at a
 * phone's width (pictures scale down to a width where their words can still be read, then scroll inside
 * their frame, as long lines do inside theirs).
 */
public final class HtmlReport {

    static final String FILE = "report.html";

    private static final String STYLE = """
            :root{color-scheme:light dark;--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--code:#f6f8fa;\
            --done:#4c78a8;--running:#f58518;--thread:#dbe9f6;--lock:#fdebd0}
            @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--bg:#0d1117;\
            --code:#151b23;--thread:#1f3a5a;--lock:#5a4120}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
            main{max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
            h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.1rem;margin-top:1.75rem}
            h4{font-size:1rem;margin:1.25rem 0 .25rem}
            .meta,.status,.more,figcaption{color:var(--muted);font-size:.875rem}
            table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
            td.points,th.points{text-align:right;white-space:nowrap}td.id{overflow-wrap:anywhere}.scores td:last-child,.scores th:last-child{white-space:nowrap}
            pre{background:var(--code);padding:.75rem;overflow-x:auto;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:.5rem 0}
            figure{margin:.75rem 0;overflow-x:auto}svg{width:100%;min-width:34rem;max-width:48rem;height:auto;display:block;font:12px system-ui,sans-serif;fill:var(--fg)}
            svg .grid{stroke:var(--line)}svg .tick,svg .thread,svg .more{fill:var(--muted)}svg .label{font-weight:600}
            svg .bar.done,svg .instant.done{fill:var(--done)}
            svg .bar.running,svg .instant.running{fill:var(--running)}
            svg .edge line{stroke:var(--muted);stroke-width:1.5}svg marker path{fill:var(--muted)}svg .edge.waits line{stroke-dasharray:5 4}
            svg .node.thread rect{fill:var(--thread);stroke:var(--done)}svg .node.lock rect{fill:var(--lock);stroke:var(--running)}
            svg .node text{fill:var(--fg)}svg .edge text{paint-order:stroke;stroke:var(--bg);stroke-width:4px}
            .passed{color:#1a7f37}.failed{color:#cf222e}.nowrap{white-space:nowrap}
            """;

    private HtmlReport() {
    }

    static void write(Path outDir, Grade grade) throws IOException {
        Files.writeString(outDir.resolve(FILE), render(grade, ""), StandardCharsets.UTF_8);
    }

    /**
     * The whole page.
     *
     * @param header a line above the table (batch: the student, the commit, when it was graded), or empty
     */
    public static String render(Grade grade, String header) {
        Lang lang = grade.lang();
        boolean practice = grade.maxScore() == 0;
        String total = practice ? Label.NOT_GRADED_HERE.in(lang) : grade.score() + " / " + grade.maxScore();
        StringBuilder page = new StringBuilder(8 * 1024);
        page.append("<!doctype html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // Nothing on this page may be fetched: a report opened from a student's folder must not call out.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(Html.text(Label.TITLE.in(lang) + " — " + total)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        page.append("<h1>").append(Html.text(Label.TITLE.in(lang))).append(" — <span class=\"nowrap\">")
                .append(Html.text(total)).append("</span></h1>\n");
        if (!header.isBlank()) {
            page.append("<p class=\"meta\">").append(Html.text(header)).append("</p>\n");
        }
        page.append("<p class=\"meta\">").append(Html.text(grade.submission()))
                .append(grade.started() == null ? "" : " · " + Html.text(grade.started().toString())).append("</p>\n");
        if (practice) {
            page.append("<p>").append(Html.text(Label.PRACTICE_MODE.in(lang))).append("</p>\n");
        }
        page.append("<table class=\"scores\">\n<thead><tr><th>").append(Html.text(Label.EXERCISE.in(lang)))
                .append("</th><th class=\"points\">").append(Html.text(Label.POINTS.in(lang))).append("</th><th>")
                .append(Html.text(Label.STATUS.in(lang))).append("</th></tr></thead>\n<tbody>\n");
        for (ExerciseResult e : grade.exercises()) {
            Label verdict = Label.verdict(e);
            page.append("<tr data-exercise=\"").append(Html.attr(e.id())).append("\"><td class=\"id\">")
                    .append(Html.text(e.id() + " — " + e.title())).append("</td><td class=\"points\">")
                    .append(Html.text(points(e))).append("</td><td class=\"").append(verdict == Label.PASSED ? "passed"
                            : verdict == Label.FAILED ? "failed" : "other").append("\">")
                    .append(Html.text(verdict.in(lang))).append("</td></tr>\n");
        }
        page.append("</tbody>\n<tfoot><tr><th>").append(Html.text(Label.SCORE.in(lang)))
                .append("</th><th class=\"points\" id=\"total\">").append(Html.text(total))
                .append("</th><th></th></tr></tfoot>\n</table>\n");

        page.append("<h2>").append(Html.text(Label.FEEDBACK.in(lang))).append("</h2>\n");
        boolean any = false;
        for (ExerciseResult e : grade.exercises()) {
            if (Label.needsFeedback(e)) {
                any = true;
                page.append(section(e, lang));
            }
        }
        if (!any) {
            page.append("<p>").append(Html.text((practice ? Label.ALL_PRACTICE_PASSED : Label.ALL_PASSED).in(lang)))
                    .append("</p>\n");
        }
        page.append("<p class=\"meta\">").append(Html.text(Label.REPORT_PAGE_NOTE.in(lang))).append("</p>\n");
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String section(ExerciseResult e, Lang lang) {
        StringBuilder out = new StringBuilder("<section id=\"").append(Html.attr(e.id())).append("\">\n<h3>")
                .append(Html.text(e.id() + " — " + e.title() + ": " + points(e))).append("</h3>\n");
        if (e.status() == ExerciseStatus.NOT_STARTED) {
            return out.append("<p><strong>").append(Html.text(Label.NOT_STARTED.in(lang))).append("</strong> — ")
                    .append(Html.text(e.message())).append("</p>\n</section>\n").toString();
        }
        if (e.status() != ExerciseStatus.GRADED && e.status() != ExerciseStatus.PRACTICE) {
            out.append("<p><strong>").append(Html.text(Label.verdict(e).in(lang))).append("</strong></p>\n");
            pre(out, Text.capped(e.message(), Text.MESSAGE_CAP, lang));
        }
        ExerciseFeedback feedback = ExerciseFeedback.of(e);
        for (ExerciseFeedback.Failure f : feedback.graded()) {
            out.append("<article class=\"failure\">\n");
            for (TestResult t : f.tests()) {
                out.append("<h4 data-test=\"").append(Html.attr(t.id())).append("\">").append(Html.text(t.name()))
                        .append("</h4>\n<p class=\"status\">").append(Html.text(Label.of(t.status()).in(lang) + ", "
                                + Label.POINTS_LOST.format(lang, t.maxPoints() - t.points()))).append("</p>\n");
            }
            if (f.tests().size() > 1) {
                out.append("<p class=\"status\">").append(Html.text(Label.SAME_MESSAGE.format(lang, f.tests().size())))
                        .append("</p>\n");
            }
            List<Picture> pictures = f.tests().getFirst().pictures();
            pre(out, Text.capped(MarkdownReport.withoutDrawnTimelines(f.message(), pictures), Text.MESSAGE_CAP, lang));
            figures(out, f.tests().getFirst().id(), pictures, lang);
            out.append("</article>\n");
        }
        if (feedback.notRun() > 0) {
            out.append("<p>").append(Html.text(Label.NOT_RUN_TESTS.format(lang, feedback.notRun(), feedback.notRunPoints())))
                    .append("</p>\n");
        }
        if (!feedback.practice().isEmpty()) {
            // Practice checks are all a student has in the template: each with its words and its pictures,
            // which the console's short practice section has no room for.
            out.append("<h4>").append(Html.text(Label.PRACTICE_CHECKS.in(lang))).append("</h4>\n");
            for (TestResult t : feedback.practice()) {
                out.append("<article class=\"practice\">\n<h4 data-test=\"").append(Html.attr(t.id())).append("\">")
                        .append(Html.text(t.name())).append("</h4>\n");
                pre(out, Text.head(MarkdownReport.withoutDrawnTimelines(t.message(), t.pictures()), 12, 2000, lang));
                figures(out, t.id(), t.pictures(), lang);
                out.append("</article>\n");
            }
        }
        return out.append("</section>\n").toString();
    }

    private static void figures(StringBuilder out, String testId, List<Picture> pictures, Lang lang) {
        for (Picture picture : pictures) {
            String svg = SvgPictures.svg(picture, lang);
            if (!svg.isEmpty()) {
                out.append("<figure data-test=\"").append(Html.attr(testId)).append("\">\n").append(svg)
                        .append("\n</figure>\n");
            }
        }
    }

    private static void pre(StringBuilder out, String text) {
        if (!text.isBlank()) {
            out.append("<pre>").append(Html.text(text.stripTrailing())).append("</pre>\n");
        }
    }

    private static String points(ExerciseResult e) {
        return e.maxScore() == 0 ? "–" : e.score() + " / " + e.maxScore();
    }
}
