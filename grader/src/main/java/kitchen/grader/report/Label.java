package kitchen.grader.report;

import java.util.Locale;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;

/**
 * Every word the reports print, in both languages. An enum rather than properties files so that a label
 * missing in one language is a compile error, not a blank cell in a student's report.
 */
enum Label {
    TITLE("Concurrency Kitchen", "Concurrency Kitchen"),
    EXERCISE("exercise", "exercício"),
    EXERCISES("exercises", "exercícios"),
    GRADING("grading %s", "corrigindo %s"),
    REPORTS_WRITTEN("Reports written to %s", "Relatórios gravados em %s"),
    POINTS("points", "pontos"),
    STATUS("status", "situação"),
    SCORE("score", "nota"),
    FEEDBACK("feedback", "retorno"),
    ALL_PASSED("Every test passed.", "Todos os testes passaram."),
    POINTS_LOST("points lost: %d", "pontos perdidos: %d"),
    TESTS_NOT_PASSED("%d of %d tests did not pass", "%d de %d testes não passaram"),
    TRUNCATED("… (truncated)", "… (truncado)"),
    MORE_IN_JSON("More feedback in report.json.", "Mais retorno em report.json."),

    // Verdicts: an exercise's outcome in one word, and a test's.
    PASSED("passed", "passou"),
    PARTIAL("partial", "parcial"),
    FAILED("failed", "falhou"),
    ERROR("error", "erro"),
    COMPILE_ERROR("compile error", "erro de compilação"),
    TIMEOUT("timeout", "tempo esgotado"),
    CRASHED("crashed", "travou"),
    MISSING("missing", "ausente"),
    TAMPERED("tampered", "adulterou");

    private final String en;
    private final String ptBr;

    Label(String en, String ptBr) {
        this.en = en;
        this.ptBr = ptBr;
    }

    String in(Lang lang) {
        return lang.pick(en, ptBr);
    }

    String format(Lang lang, Object... args) {
        return String.format(locale(lang), in(lang), args);
    }

    static Locale locale(Lang lang) {
        return Locale.forLanguageTag(lang.tag());
    }

    /**
     * An exercise's outcome: the status when it was not graded normally, otherwise how many points it
     * got ("graded" alone would hide whether anything failed).
     */
    static Label verdict(ExerciseResult exercise) {
        return switch (exercise.status()) {
            case GRADED -> exercise.score() >= exercise.maxScore() ? PASSED
                    : exercise.score() == 0 ? FAILED : PARTIAL;
            case COMPILE_ERROR -> COMPILE_ERROR;
            case TIMEOUT -> TIMEOUT;
            case CRASHED -> CRASHED;
            case MISSING -> MISSING;
            case TAMPERED -> TAMPERED;
        };
    }

    static Label of(TestStatus status) {
        return switch (status) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case ERROR -> ERROR;
        };
    }

    /** True when the exercise has something to explain: it was not graded normally, or a test did not pass. */
    static boolean needsFeedback(ExerciseResult exercise) {
        return exercise.status() != ExerciseStatus.GRADED || !exercise.failedTests().isEmpty();
    }
}
