package kitchen.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kitchen.grader.protocol.Picture;
import kitchen.grading.Lang;

/**
 * Pictures as inline SVG for {@code report.html}: drawn here, with no script and nothing fetched, so the
 * page opens the same offline, in a mail attachment or from a folder of 300 students' feedback. Every
 * bar carries its times ({@code data-start-ms}, {@code data-end-ms}; an instant {@code data-at-ms}) and a
 * {@code <title>}, so what a student hovers over and what a test reads are the values the report holds.
 */
final class SvgPictures {

    private static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 170;
    private static final int CHART_RIGHT = WIDTH - 12;
    private static final int ROW = 28;
    private static final int TOP = 26;
    /** Rows drawn: the same as the text timeline shows, so the page never says less than the console. */
    static final int MAX_ROWS = 24;
    /** Threads of a cycle drawn on its ring; more would not be legible (the message names them all). */
    static final int MAX_LINKS = 12;

    private SvgPictures() {
    }

    static String svg(Picture picture, Lang lang) {
        return switch (picture) {
            case Picture.Timeline t -> timeline(t, lang);
            case Picture.Cycle c -> cycle(c, lang);
        };
    }

    static String timeline(Picture.Timeline t, Lang lang) {
        List<Picture.Bar> rows = t.bars().stream().limit(MAX_ROWS).toList();
        int notDrawn = t.bars().size() - rows.size() + t.hidden();
        int height = TOP + rows.size() * ROW + (notDrawn > 0 ? ROW : 8);
        double range = Math.max(1, t.rangeMs());
        double span = CHART_RIGHT - LABEL_WIDTH;
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" role=\"img\" data-rows=\"").append(rows.size())
                .append("\" data-range-ms=\"").append(t.rangeMs()).append("\" aria-label=\"")
                .append(Html.attr(Label.TIMELINE_TITLE.in(lang))).append("\">\n");
        out.append("<title>").append(Html.text(Label.TIMELINE_TITLE.in(lang))).append("</title>\n");
        for (int i = 0; i <= 4; i++) {
            double x = LABEL_WIDTH + span * i / 4;
            out.append("<line class=\"grid\" x1=\"").append(num(x)).append("\" y1=\"").append(TOP - 6)
                    .append("\" x2=\"").append(num(x)).append("\" y2=\"").append(TOP + rows.size() * ROW).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(TOP - 10)
                    .append("\" text-anchor=\"").append(i == 0 ? "start" : i == 4 ? "end" : "middle").append("\">")
                    .append(tick(range * i / 4, range)).append(" ms</text>\n");
        }
        for (int i = 0; i < rows.size(); i++) {
            Picture.Bar b = rows.get(i);
            int y = TOP + i * ROW;
            String what = b.label() + (b.running() ? " (" + Label.STILL_RUNNING.in(lang) + ")"
                    : b.outcome().isEmpty() ? "" : " (" + b.outcome() + ")");
            String tip = what + " · " + b.thread() + " · " + num(b.startMs()) + "–" + num(b.endMs()) + " ms";
            out.append("<g class=\"row\">");
            out.append("<text class=\"label\" x=\"4\" y=\"").append(y + 12).append("\">")
                    .append(Html.text(shorten(b.label(), 24))).append("</text>");
            out.append("<text class=\"thread\" x=\"4\" y=\"").append(y + 24).append("\">")
                    .append(Html.text(shorten(b.thread(), 30))).append("</text>");
            double x1 = LABEL_WIDTH + span * b.startMs() / range;
            // How a span ended is in its title; only still running stands out ("returned" is no failure).
            String kind = b.running() ? "running" : "done";
            if (b.instantIn(t.rangeMs())) {
                double cx = x1;
                int cy = y + 12;
                out.append("<path class=\"instant ").append(kind).append("\" data-at-ms=\"").append(ms(b.startMs()))
                        .append("\" d=\"M").append(num(cx)).append(' ').append(cy - 6).append(" l6 6 l-6 6 l-6 -6 z\">");
            } else {
                double x2 = LABEL_WIDTH + span * Math.min(b.endMs(), range) / range;
                out.append("<rect class=\"bar ").append(kind).append("\" data-start-ms=\"").append(ms(b.startMs()))
                        .append("\" data-end-ms=\"").append(ms(b.endMs())).append("\" x=\"").append(num(x1))
                        .append("\" y=\"").append(y + 4).append("\" width=\"").append(num(Math.max(1.5, x2 - x1)))
                        .append("\" height=\"16\" rx=\"3\">");
            }
            out.append("<title>").append(Html.text(tip)).append("</title>")
                    .append(b.instantIn(t.rangeMs()) ? "</path>" : "</rect>").append("</g>\n");
        }
        if (notDrawn > 0) {
            out.append("<text class=\"more\" x=\"4\" y=\"").append(TOP + rows.size() * ROW + 18).append("\">")
                    .append(Html.text(Label.ROWS_MORE.format(lang, notDrawn))).append("</text>\n");
        }
        return out.append("</svg>").toString();
    }

    /**
     * The threads and locks of a cycle on a ring, in the order the cycle runs (a thread, a lock it holds,
     * the thread waiting for that lock, …), every "holds" and "waited for by" an arrow.
     */
    static String cycle(Picture.Cycle c, Lang lang) {
        if (c.links().isEmpty()) {
            return "";
        }
        List<String> ring = ring(c);
        int n = ring.size();
        double radius = Math.min(220, 70 + 22.0 * n);
        int height = (int) Math.round(2 * radius + 80);
        double cx = WIDTH / 2.0;
        double cy = height / 2.0;
        Map<String, double[]> at = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            at.put(ring.get(i), new double[] {cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)});
        }
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"cycle\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" data-threads=\"").append(Math.min(c.links().size(), MAX_LINKS))
                .append("\" aria-label=\"").append(Html.attr(Label.DEADLOCK_TITLE.in(lang))).append("\">\n");
        out.append("<title>").append(Html.text(Label.DEADLOCK_TITLE.in(lang))).append("</title>\n");
        out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>\n");
        for (String[] edge : edges(c, lang)) {
            double[] a = at.get(edge[0]);
            double[] b = at.get(edge[2]);
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double length = Math.max(1, Math.hypot(dx, dy));
            // Stop short of the boxes, so the arrowhead is seen.
            double trimA = 34 / length;
            double trimB = 40 / length;
            out.append("<g class=\"edge ").append(edge[3]).append("\"><line x1=\"").append(num(a[0] + dx * trimA))
                    .append("\" y1=\"").append(num(a[1] + dy * trimA)).append("\" x2=\"").append(num(b[0] - dx * trimB))
                    .append("\" y2=\"").append(num(b[1] - dy * trimB)).append("\" marker-end=\"url(#arrow)\"/>")
                    .append("<text x=\"").append(num((a[0] + b[0]) / 2)).append("\" y=\"")
                    .append(num((a[1] + b[1]) / 2 - 4)).append("\" text-anchor=\"middle\">")
                    .append(Html.text(edge[1])).append("</text></g>\n");
        }
        for (var node : at.entrySet()) {
            boolean thread = node.getKey().startsWith("t:");
            String name = nameOf(node.getKey());
            double[] p = node.getValue();
            int w = Math.min(150, 24 + 7 * Math.min(20, name.length()));
            out.append("<g class=\"node ").append(thread ? "thread" : "lock").append("\"><rect x=\"")
                    .append(num(p[0] - w / 2.0)).append("\" y=\"").append(num(p[1] - 14)).append("\" width=\"")
                    .append(w).append("\" height=\"28\" rx=\"").append(thread ? 14 : 3).append("\"/>")
                    .append("<text x=\"").append(num(p[0])).append("\" y=\"").append(num(p[1] + 4))
                    .append("\" text-anchor=\"middle\">").append(Html.text(shorten(name, 20)))
                    .append("<title>").append(Html.text(name)).append("</title></text></g>\n");
        }
        if (c.links().size() > MAX_LINKS) {
            out.append("<text class=\"more\" x=\"4\" y=\"").append(height - 8).append("\">")
                    .append(Html.text(Label.ROWS_MORE.format(lang, c.links().size() - MAX_LINKS))).append("</text>\n");
        }
        return out.append("</svg>").toString();
    }

    /**
     * Node keys in the order the cycle runs, then any node the walk did not reach: a thread is
     * {@code t:<index>:<name>} (two threads may share a name), a lock {@code l:<name>}.
     */
    static List<String> ring(Picture.Cycle c) {
        List<String> ring = new ArrayList<>();
        List<Picture.Link> links = c.links().subList(0, Math.min(c.links().size(), MAX_LINKS));
        int at = 0;
        while (at >= 0 && !ring.contains(thread(at, links.get(at)))) {
            Picture.Link link = links.get(at);
            ring.add(thread(at, link));
            at = -1;
            for (String held : link.holds()) {
                for (int j = 0; j < links.size() && at < 0; j++) {
                    if (links.get(j).waitsFor().equals(held)) {
                        ring.add("l:" + held);
                        at = j;
                    }
                }
                if (at >= 0) {
                    break;
                }
            }
        }
        for (int i = 0; i < links.size(); i++) {
            Picture.Link link = links.get(i);
            addOnce(ring, thread(i, link));
            link.holds().forEach(h -> addOnce(ring, "l:" + h));
            if (!link.waitsFor().isBlank()) {
                addOnce(ring, "l:" + link.waitsFor());
            }
        }
        return ring;
    }

    private static String thread(int index, Picture.Link link) {
        return "t:" + index + ":" + link.thread();
    }

    /** What a node's key names: the thread's or the lock's name. */
    private static String nameOf(String key) {
        return key.startsWith("t:") ? key.substring(key.indexOf(':', 2) + 1) : key.substring(2);
    }

    /** Each edge: from, label, to, kind ("holds" or "waits"). */
    private static List<String[]> edges(Picture.Cycle c, Lang lang) {
        List<String[]> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(c.links().size(), MAX_LINKS); i++) {
            Picture.Link link = c.links().get(i);
            for (String held : link.holds()) {
                edges.add(new String[] {thread(i, link), Label.HOLDS.in(lang), "l:" + held, "holds"});
            }
            if (!link.waitsFor().isBlank()) {
                edges.add(new String[] {"l:" + link.waitsFor(), Label.WAITED_FOR_BY.in(lang), thread(i, link),
                        "waits"});
            }
        }
        return edges;
    }

    private static void addOnce(List<String> list, String item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** An axis label, with as many decimals as a short chart needs to tell its ticks apart. */
    private static String tick(double ms, double range) {
        return String.format(Locale.ROOT, range >= 100 ? "%.0f" : range >= 10 ? "%.1f" : "%.2f", ms);
    }

    /** A coordinate: a tenth of a unit is finer than any screen shows. */
    private static String num(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** A time as the report holds it, to the microsecond: two spans a fraction of a millisecond apart keep their order. */
    private static String ms(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
