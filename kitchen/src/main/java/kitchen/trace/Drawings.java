package kitchen.trace;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The pictures drawn lately in this JVM. Pictures are drawn while a failure message is rendered, on
 * whatever thread the test runs on; the grader's runner takes them when the test ends and keeps those
 * whose text is in the failure message. Tests run one at a time, and the runner empties this when each
 * begins, so a picture is never credited to another test.
 */
public final class Drawings {

    /** A test draws a handful; a loop drawing on every round must not grow this without end. */
    private static final int KEPT = 32;
    private static final Deque<Drawing> RECENT = new ConcurrentLinkedDeque<>();

    private Drawings() {
    }

    /** Keeps {@code drawing} and returns its text, so a renderer can end with {@code return Drawings.keep(…)}. */
    public static String keep(Drawing drawing) {
        RECENT.addLast(drawing);
        while (RECENT.size() > KEPT) {
            RECENT.pollFirst();
        }
        return drawing.text();
    }

    /** Every picture kept since the last call, oldest first; none are kept after. */
    public static List<Drawing> takeAll() {
        List<Drawing> taken = new ArrayList<>();
        for (Drawing d = RECENT.pollFirst(); d != null; d = RECENT.pollFirst()) {
            taken.add(d);
        }
        return taken;
    }
}
