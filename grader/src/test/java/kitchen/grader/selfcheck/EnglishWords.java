package kitchen.grader.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the kit's English words in text a student reads in Brazilian Portuguese. The vocabulary is words
 * the kit's English messages use that are neither Portuguese nor code; what stays English on purpose is
 * left out before looking: code identifiers (camelCase, {@code a.b}, {@code m()}, names with digits,
 * hyphens or underscores, the kit's class names), text in double quotes or backticks (program output,
 * thread names, a dish as the order spells it), the lecture's printed lines ({@code Boiling eggs 1},
 * {@code Egg 1 done!}, {@code Frying eggs…}, {@code Eggs done!}), Java stack-trace lines, paths, and the
 * message of a JDK exception ({@code java.io.IOException: …}: the JDK's words, or the student's own).
 */
final class EnglishWords {

    /** One English word found: where (what was graded, which test), the word, and its line. */
    record Finding(String where, String word, String line) {
        @Override
        public String toString() {
            return where + ": \"" + word + "\" in: " + line.strip();
        }
    }

    /** Words of the kit's English messages that are not Portuguese words and not code. */
    static final Set<String> VOCABULARY = Set.of(("""
            about above account accounts actual after again against all already also although an and another answer
            answered answers any anything are arrived asked at ate away back backs bad bake baked baking balance be
            because been before being below between block blocks board both bread burnt but by called caller came can
            cannot changed check checks chopped chopping closed closing cold comes contain cook cooked cooking cooks
            could counted counter counts cracked crashed crashes cross day did dish dishes does done down during each
            eat eaten eating eats egg eggs else empty end ended ends enough even every everyone everything exactly
            exception exercise expected expecting failed fails failure fetch finished first five fork forks four free
            fried from fry frying gave get gets got grader had has hashed have he held here his hold holding holds how
            if in inside instead interrupted into is it its itself jar just keep keeps kept last least ledger left
            less locked long lost made make many may more most much must never next nobody none not nothing now of off
            on once one only or order orders other others out oven over own page pantry paused pays philosopher
            philosophers plate please process processes put puts ran ready received request requests result returned
            returns right round rounds run running runs same saw seat second see seen should show shows since slow so
            something spilled started still stove such task tasks than that the their them then there these they thing
            this those three threw through throws times to too took transfers tried twice two under until up value
            wait waited waiting waits want wants was way were what when where which while who whole why will with
            within without worker workers would write wrote yet you your
            """).strip().split("\\s+"));

    /** A Java stack-trace line, or the JDK's "... 12 more" under one. */
    private static final Pattern STACK_LINE = Pattern.compile("^\\s*(at [\\w$.<>/]+\\(.*\\)|\\.\\.\\. \\d+ more)\\s*$");
    /** A stack trace's "Caused by: " (what follows is checked like any exception's message). */
    private static final Pattern CAUSED_BY = Pattern.compile("^\\s*Caused by: ");
    /** Double quotes, typographic quotes and backticks: quoted output, names and code. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|`[^`]*`");
    /** What the lecture's programs print (and the kitchen prints the same way), quoted or not. */
    private static final Pattern PROGRAM_OUTPUT = Pattern.compile(
            "Boiling eggs \\d+|Egg \\d+ done!|Frying [\\p{L} ]+…|[A-Z]\\p{L}* done!");
    /** A JDK exception's message ("java.io.IOException: …"): the JDK's words, or the student's own. */
    private static final Pattern JDK_MESSAGE = Pattern.compile(
            "\\b((?:java|javax|jdk|sun)\\.[\\w$.]*[A-Z][\\w$]*): [^,;)]*");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_$][\\p{L}\\p{N}_$\\-]*");

    private final Set<String> identifiers;

    /** @param identifiers names that are code wherever they appear (the kit's class names), case-sensitive */
    EnglishWords(Set<String> identifiers) {
        this.identifiers = Set.copyOf(identifiers);
    }

    /** The simple names of the Java classes under these source folders ({@code Burnt}, {@code Teller}…). */
    static Set<String> classNames(List<Path> sourceRoots) {
        Set<String> names = new TreeSet<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                        .forEach(n -> names.add(n.substring(0, n.length() - ".java".length())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** Every English word in {@code text}, line by line, each reported with {@code where}. */
    List<Finding> find(String where, String text) {
        List<Finding> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String line : text.split("\\R")) {
            for (String word : words(line)) {
                found.add(new Finding(where, word, line));
            }
        }
        return found;
    }

    /** The English words of one line, in order. */
    List<String> words(String line) {
        List<String> found = new ArrayList<>();
        if (STACK_LINE.matcher(line).matches()) {
            return found;
        }
        String text = JDK_MESSAGE.matcher(CAUSED_BY.matcher(line).replaceFirst(" ")).replaceAll("$1");
        text = PROGRAM_OUTPUT.matcher(QUOTED.matcher(text).replaceAll(" ")).replaceAll(" ");
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String t = token.group();
            if (isCode(t, text, token.start(), token.end())) {
                continue;
            }
            if (VOCABULARY.contains(t.toLowerCase(Locale.ROOT))) {
                found.add(t);
            }
        }
        return found;
    }

    private boolean isCode(String t, String text, int start, int end) {
        if (identifiers.contains(t) || t.matches(".*[\\p{N}_$\\-].*")
                || t.substring(1).chars().anyMatch(Character::isUpperCase)) {
            return true;
        }
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        char afterNext = end + 1 < text.length() ? text.charAt(end + 1) : ' ';
        // a.b, A#m, m(), x.y, m(x), /a/b?c=d: a member, a call, a qualified name, a call's argument, a path or URL.
        return before == '.' || before == '#' || "/?&=".indexOf(before) >= 0 || "/=".indexOf(after) >= 0 || after == '(' || after == '#'
                || (after == '.' && Character.isLetter(afterNext)) || (before == '(' && after == ')' && start > 1 && Character.isLetterOrDigit(text.charAt(start - 2)));
    }
}
