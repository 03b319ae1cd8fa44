package kitchen.grading;

import java.util.Locale;

/** The language feedback is written in: English or Brazilian Portuguese. */
public enum Lang {
    EN("en"),
    PT_BR("pt-BR");

    /** The system property the grader sets in every JVM it forks. */
    public static final String PROPERTY = "kitchen.lang";

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The language of this JVM: {@value #PROPERTY} when set, otherwise the default locale's. */
    public static Lang current() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return parse(configured);
        }
        return Locale.getDefault().getLanguage().equals("pt") ? PT_BR : EN;
    }

    /** Accepts "en", "pt-BR", "pt_BR", "pt" (any case); anything else is English. */
    public static Lang parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return t.equals("pt") || t.startsWith("pt-") ? PT_BR : EN;
    }

    /** How numbers are written in this language: {@code 4.5} in English, {@code 4,5} in Portuguese. */
    public Locale locale() {
        return this == PT_BR ? Locale.forLanguageTag("pt-BR") : Locale.ROOT;
    }

    /** Picks the text written in this language. */
    public String pick(String en, String ptBr) {
        return this == PT_BR ? ptBr : en;
    }
}
