package kitchen.grader.sandbox;

import kitchen.grading.Lang;

/**
 * How far student code was kept from everything else while it ran; recorded in every report.
 *
 * @param level  what held
 * @param detail why, for a person: the user it ran as, or what was missing for a sandbox
 */
public record Isolation(Level level, String detail) {

    public enum Level {
        /** Each exercise's JVM ran in a cell: an unprivileged user, no network but loopback, only its own files. */
        SANDBOX,
        /** Student code ran as the grading user, with that user's files and network. */
        NONE;

        /** The value in report.json. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Isolation sandbox() {
        return new Isolation(Level.SANDBOX, "each exercise ran as an unprivileged user in a cell of its own: "
                + "only the exercise's own files, no network but loopback");
    }

    public static Isolation none(String why) {
        return new Isolation(Level.NONE, why);
    }

    public boolean sandboxed() {
        return level == Level.SANDBOX;
    }

    /** One line for the console. */
    public String line(Lang lang) {
        return sandboxed()
                ? lang.pick("isolation: each exercise runs as an unprivileged user, with only its own files and "
                                + "no network",
                        "isolamento: cada exercício roda como um usuário sem privilégios, só com os próprios "
                                + "arquivos e sem rede")
                : lang.pick("isolation: none — student code ran as " + user() + " (" + detail + ")",
                        "isolamento: nenhum — o código do aluno rodou como " + user() + " (" + detail + ")");
    }

    private static String user() {
        return System.getProperty("user.name", "this user");
    }
}
