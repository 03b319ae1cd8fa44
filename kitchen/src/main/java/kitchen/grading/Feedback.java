package kitchen.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a graded test tells a student when it fails: what was observed, what was expected, a hint, and
 * optionally a picture (a timeline, a wait-for cycle). Every sentence is given in English and in
 * Brazilian Portuguese; the text is rendered in {@link Lang#current()} only when it is needed, so it can
 * be handed to AssertJ as a lazy message:
 *
 * <pre>{@code
 * assertThat(peak).withFailMessage(Feedback
 *         .observed("only %d of %d eggs were on the stove at once", "só %d de %d ovos ...", peak, n)
 *         .expected("all %d eggs on the stove at the same time", "os %d ovos ...", n)
 *         .hint("start every egg before you wait for any", "comece ...")
 *         .picture(timeline))
 *     .isEqualTo(n);
 * }</pre>
 *
 * Hints point at the idea, never at the reference solution.
 */
public final class Feedback implements Supplier<String> {

    private record Line(String labelEn, String labelPt, String en, String pt, Object[] args) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<Supplier<String>> pictures = new ArrayList<>();

    private Feedback() {
    }

    public static Feedback observed(String en, String ptBr, Object... args) {
        return new Feedback().add("observed", "observado", en, ptBr, args);
    }

    public Feedback expected(String en, String ptBr, Object... args) {
        return add("expected", "esperado", en, ptBr, args);
    }

    public Feedback hint(String en, String ptBr, Object... args) {
        return add("hint", "dica", en, ptBr, args);
    }

    /** Text drawn below the sentences (timelines and cycles read the same in both languages). */
    public Feedback picture(String text) {
        return picture(() -> text);
    }

    /** A picture computed only if the message is shown. */
    public Feedback picture(Supplier<String> text) {
        pictures.add(text);
        return this;
    }

    private Feedback add(String labelEn, String labelPt, String en, String pt, Object[] args) {
        lines.add(new Line(labelEn, labelPt, en, pt, args.clone()));
        return this;
    }

    /** The message in the current language. */
    @Override
    public String get() {
        return render(Lang.current());
    }

    public String render(Lang lang) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            String label = lang.pick(line.labelEn(), line.labelPt());
            String text = String.format(lang.locale(), lang.pick(line.en(), line.pt()), line.args());
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(label).append(": ").append(text);
        }
        for (Supplier<String> picture : pictures) {
            String text = picture.get();
            if (text != null && !text.isBlank()) {
                out.append("\n\n").append(text.stripTrailing());
            }
        }
        return out.toString();
    }

    /** An assertion error carrying this message, for checks AssertJ does not express well. */
    public AssertionError error() {
        return new AssertionError(get());
    }

    @Override
    public String toString() {
        return get();
    }
}
