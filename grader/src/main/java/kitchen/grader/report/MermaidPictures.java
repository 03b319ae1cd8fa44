package kitchen.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kitchen.grader.protocol.Picture;
import kitchen.grading.Lang;

/**
 * Pictures as Mermaid diagrams, which GitHub draws in Markdown and in a job's summary: a timeline as a
 * gantt chart (one row per span, grouped by thread: a staircase is one-after-another, stacked bars are
 * at the same time), a deadlock as a graph (thread → holds → lock → waited for by → thread). Only the
 * first rows (or threads of a cycle) are drawn; the text in report.json has the rest.
 */
final class MermaidPictures {

    /** Rows that tell the story (the first eggs, the stuck philosophers); more make a page to scroll. */
    static final int MAX_ROWS = 8;

    /** Characters Mermaid reads as syntax in a gantt task or a node's label. */
    private static final Pattern UNSAFE = Pattern.compile("[:;#\"`|\\[\\]{}<>%\\\\]");

    private MermaidPictures() {
    }

    /** The diagram in a fenced {@code mermaid} block, with a line below it for rows not drawn. */
    static String block(Picture picture, Lang lang) {
        return switch (picture) {
            case Picture.Timeline t -> {
                int notDrawn = Math.max(0, t.bars().size() - MAX_ROWS) + t.hidden();
                yield "```mermaid\n" + gantt(t, lang) + "```\n"
                        + (notDrawn > 0 ? "\n" + MarkdownReport.inline(Label.ROWS_MORE.format(lang, notDrawn)) + "\n" : "");
            }
            case Picture.Cycle c -> "```mermaid\n" + graph(c, lang) + "```\n"
                    + (c.links().size() > MAX_ROWS
                            ? "\n" + MarkdownReport.inline(Label.ROWS_MORE.format(lang, c.links().size() - MAX_ROWS)) + "\n"
                            : "");
        };
    }

    static String gantt(Picture.Timeline t, Lang lang) {
        List<Picture.Bar> rows = t.bars().stream().limit(MAX_ROWS).toList();
        Map<String, List<Picture.Bar>> byThread = new LinkedHashMap<>();
        rows.forEach(b -> byThread.computeIfAbsent(b.thread(), k -> new ArrayList<>()).add(b));
        StringBuilder out = new StringBuilder("gantt\n");
        out.append("    title ").append(safe(Label.TIMELINE_TITLE.in(lang))).append('\n');
        // Times are milliseconds from the chart's start, read as instants after 1970: the axis shows seconds.
        out.append("    dateFormat x\n    axisFormat %s.%L s\n");
        int id = 0;
        for (var thread : byThread.entrySet()) {
            out.append("    section ").append(safe(thread.getKey())).append('\n');
            for (Picture.Bar b : thread.getValue()) {
                long start = Math.round(b.startMs());
                String name = safe(b.label() + (b.running() ? " (" + Label.STILL_RUNNING.in(lang) + ")"
                        : b.outcome().isEmpty() ? "" : " (" + b.outcome() + ")"));
                // Still running stands out; how a span ended is in its name ("returned" is no failure).
                String tags = b.running() ? "active, " : "";
                out.append("    ").append(name).append(" :");
                if (b.instantIn(t.rangeMs())) {
                    out.append(tags).append("milestone, r").append(id++).append(", ").append(start).append(", 0ms\n");
                } else {
                    long end = Math.max(start + 1, Math.round(b.endMs()));
                    out.append(tags).append('r').append(id++).append(", ").append(start).append(", ").append(end)
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    static String graph(Picture.Cycle c, Lang lang) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, String> locks = new LinkedHashMap<>();
        List<String> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(c.links().size(), MAX_ROWS); i++) {
            Picture.Link link = c.links().get(i);
            String thread = "t" + i;
            out.append("    ").append(thread).append("([\"").append(label(link.thread())).append("\"])\n");
            for (String held : link.holds()) {
                edges.add(thread + " -->|" + safe(Label.HOLDS.in(lang)) + "| " + lock(locks, held));
            }
            if (!link.waitsFor().isBlank()) {
                edges.add(lock(locks, link.waitsFor()) + " -->|" + safe(Label.WAITED_FOR_BY.in(lang)) + "| " + thread);
            }
        }
        locks.forEach((name, node) -> out.append("    ").append(node).append("[\"").append(label(name)).append("\"]\n"));
        edges.forEach(e -> out.append("    ").append(e).append('\n'));
        return out.toString();
    }

    private static String lock(Map<String, String> locks, String name) {
        return locks.computeIfAbsent(name, n -> "l" + locks.size());
    }

    /** Text for a gantt task, a section or an edge: Mermaid's syntax characters become spaces. */
    static String safe(String text) {
        String flat = Text.clean(text).replace('\n', ' ').replace('\r', ' ');
        String kept = UNSAFE.matcher(flat).replaceAll(" ").replaceAll(" {2,}", " ").strip();
        // A section or task needs a name: one made only of syntax characters is shown as "?".
        return kept.isEmpty() ? "?" : kept;
    }

    /** Text inside a quoted node label, where Mermaid reads entity codes: a quote is {@code #quot;}. */
    private static String label(String text) {
        return Text.clean(text).replace('\n', ' ').replace("#", "#35;").replace("\"", "#quot;")
                .replace("<", "#lt;").replace(">", "#gt;").replace("`", "#96;");
    }
}
