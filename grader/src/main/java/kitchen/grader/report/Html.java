package kitchen.grader.report;

/** Escaping for text and attribute values in the HTML page. */
final class Html {

    private Html() {
    }

    /** Text between tags: cleaned of control characters, {@code & < >} as entities. */
    static String text(String text) {
        return Text.clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A quoted attribute value: as {@link #text}, and quotes as entities too. */
    static String attr(String text) {
        return text(text).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
