package kitchen.grader.report;

import java.time.Duration;
import kitchen.grading.Lang;

/**
 * Makes text from a submission safe to put in any report. Test messages quote what the student's code
 * did, and its output can hold anything: escape sequences that repaint a terminal, NULs that XML 1.0
 * cannot carry, lone surrogates that break UTF-8, or megabytes of it.
 */
final class Text {

    /** The most of one test's (or one exercise's) message a report keeps. */
    static final int MESSAGE_CAP = 8 * 1024;
    /** The most of an exercise's output a report keeps. */
    static final int OUTPUT_CAP = 16 * 1024;

    private Text() {
    }

    /**
     * Keeps tab, newline and every printable character; drops other control characters (C0, DEL, C1),
     * unpaired surrogates and the non-characters U+FFFE/U+FFFF. What is left is legal in XML 1.0, JSON,
     * Markdown and a terminal. A CR becomes a newline: alone it would overwrite a console line.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace("\r\n", "\n");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\r') {
                out.append('\n');
            } else if (c == '\t' || c == '\n' || !(c < 0x20 || (c >= 0x7f && c <= 0x9f)
                    || Character.isSurrogate(c) || c == 0xfffe || c == 0xffff)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #clean}, then at most {@code max} characters, saying so when it cut. */
    static String capped(String text, int max, Lang lang) {
        String s = clean(text);
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "\n" + Label.TRUNCATED.in(lang);
    }

    /** The first {@code lines} lines of the cleaned text, at most {@code max} characters, saying so when it cut. */
    static String head(String text, int lines, int max, Lang lang) {
        // Only blank lines are trimmed in front: a picture's first line may be indented on purpose.
        String s = clean(text).replaceFirst("^\\s*\n", "").stripTrailing();
        int end = -1;
        for (int n = 0; n < lines; n++) {
            end = s.indexOf('\n', end + 1);
            if (end < 0) {
                return capped(s, max, lang);
            }
        }
        // More lines follow the last one kept.
        String cut = s.substring(0, end);
        return cut.length() > max ? capped(cut, max, lang) : cut + "\n" + Label.TRUNCATED.in(lang);
    }

    /** The first line of the cleaned text, at most {@code max} characters. */
    static String firstLine(String text, int max, Lang lang) {
        String s = clean(text).strip();
        int nl = s.indexOf('\n');
        return capped((nl < 0 ? s : s.substring(0, nl)).strip(), max, lang).replace('\n', ' ');
    }

    static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }

    /** A file name made only of safe characters, so an odd exercise id cannot point outside the report folder. */
    static String fileName(String id) {
        String safe = clean(id).replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
