package kitchen.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kitchen.grading.Lang;

/**
 * Draws spans as a text chart, one row per span, so a student can see what their threads did:
 * sequential work is a staircase, concurrent work is bars stacked on top of each other.
 *
 * <pre>
 * 0 ms                                      1205 ms
 * egg 1  |=========                               | virtual#31
 * egg 2  |         ===============                | virtual#31
 * </pre>
 */
public final class Timeline {

    private static final int WIDTH = 50;
    private static final int MAX_ROWS = 24;

    private Timeline() {
    }

    public static String of(Journal journal) {
        return of(journal.spans(), journal.now());
    }

    /** @param nowNanos where open spans stop (they are drawn up to "now" and marked with '>'). */
    public static String of(List<Journal.Span> spans, long nowNanos) {
        if (spans.isEmpty()) {
            return Lang.current().pick("(nothing happened: no span was recorded)",
                    "(nada aconteceu: nenhum intervalo foi registrado)");
        }
        long start = spans.stream().mapToLong(Journal.Span::startNanos).min().orElse(0);
        long end = spans.stream().mapToLong(s -> s.isOpen() ? nowNanos : s.endNanos()).max().orElse(start);
        long range = Math.max(1, end - start);
        int labelWidth = spans.stream().limit(MAX_ROWS).mapToInt(s -> s.what().length()).max().orElse(4);

        StringBuilder out = new StringBuilder();
        List<Drawing.Row> drawn = new ArrayList<>();
        String from = "0 ms";
        String to = String.format(Locale.ROOT, "%d ms", range / 1_000_000);
        out.append(" ".repeat(labelWidth + 2)).append(from)
                .append(" ".repeat(Math.max(1, WIDTH + 2 - from.length() - to.length()))).append(to).append('\n');
        int rows = 0;
        for (Journal.Span s : spans) {
            if (rows++ == MAX_ROWS) {
                out.append(String.format(Locale.ROOT, Lang.current().pick("… %d more%n", "… mais %d%n"),
                        spans.size() - MAX_ROWS));
                break;
            }
            // Read once: a span may end while it is drawn, and its row must tell one story.
            boolean open = s.isOpen();
            long sEnd = open ? nowNanos : s.endNanos();
            // Even a span too short to fill a column gets one mark, also at the very end of the chart.
            int a = Math.min(WIDTH - 1, column(s.startNanos() - start, range));
            int b = Math.max(a + 1, column(sEnd - start, range));
            char[] bar = " ".repeat(WIDTH).toCharArray();
            for (int i = a; i < Math.min(b, WIDTH); i++) {
                bar[i] = '=';
            }
            if (open) {
                bar[Math.min(b, WIDTH) - 1] = '>';
            }
            String outcome = open ? Lang.current().pick("still running", "ainda rodando")
                    : s.outcome() == null ? "" : s.outcome();
            drawn.add(new Drawing.Row(s.what(), s.worker().label(), s.worker().virtual(),
                    millis(s.startNanos() - start), millis(sEnd - start), open,
                    open || outcome.equals("done") ? "" : outcome));
            out.append(String.format(Locale.ROOT, "%-" + labelWidth + "s  |%s| %s%s%n", s.what(), new String(bar),
                    s.worker().label(), outcome.isEmpty() || outcome.equals("done") ? "" : " (" + outcome + ")"));
        }
        String text = out.toString();
        return Drawings.keep(new Drawing.Spans(text, range / 1_000_000, drawn, spans.size() - drawn.size()));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    private static int column(long offset, long range) {
        return (int) Math.min(WIDTH, Math.round((double) offset * WIDTH / range));
    }
}
