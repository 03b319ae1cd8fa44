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
    FEEDBACK("feedback", "comentários"),
    ALL_PASSED("Every test passed.", "Todos os testes passaram."),
    ALL_PRACTICE_PASSED("Every public test passed.", "Todos os testes públicos passaram."),
    PRACTICE_MODE("Only the public tests ran (worth no points): the graded tests are not in this copy of the kit. "
            + "Your grade comes from GitHub Classroom after each push.",
            "Só os testes públicos rodaram (não valem pontos): os testes avaliados não estão nesta cópia do kit. "
            + "Sua nota vem do GitHub Classroom a cada push."),
    NOT_GRADED_HERE("not graded here", "sem nota aqui"),
    POINTS_LOST("points lost: %d", "pontos perdidos: %d"),
    SAME_MESSAGE("(the same for %d tests)", "(o mesmo em %d testes)"),
    NOT_RUN_TESTS("%d graded tests did not run (%d points): see above", "%d testes avaliados não rodaram (%d pontos): veja acima"),
    PRACTICE_CHECKS("practice checks (public tests, worth no points)", "verificações de treino (testes públicos, não valem pontos)"),
    TESTS_NOT_PASSED("%d of %d tests did not pass", "%d de %d testes não passaram"),
    TRUNCATED("… (truncated)", "… (truncado)"),
    MORE_IN_JSON("More feedback in report.json.", "Mais retorno em report.json."),
    TIMELINE_TITLE("What the threads did, from the first start", "O que as threads fizeram, desde o primeiro início"),
    DEADLOCK_TITLE("Deadlock: each thread holds what the next one waits for", "Deadlock: cada thread segura o que a próxima espera"),
    HOLDS("holds", "segura"),
    WAITED_FOR_BY("waited for by", "esperado por"),
    ROWS_MORE("… and %d more rows", "… e mais %d linhas"),
    STILL_RUNNING("still running", "ainda rodando"),
    REPORT_PAGE_NOTE("Made by the grader; opens without a network.", "Feito pelo corretor; abre sem rede."),

    // Verdicts: an exercise's outcome in one word, and a test's.
    PASSED("passed", "passou"),
    PARTIAL("partial", "parcial"),
    FAILED("failed", "falhou"),
    ERROR("error", "erro"),
    COMPILE_ERROR("compile error", "erro de compilação"),
    TIMEOUT("timeout", "tempo esgotado"),
    CRASHED("crashed", "travou"),
    MISSING("missing", "ausente"),
    TAMPERED("tampered", "adulterou"),
    NOT_RUN("not run", "não rodou"),
    NOT_STARTED("not started", "não iniciado"),
    PRACTICE("practice", "treino");

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
            case NOT_RUN -> NOT_RUN;
            case NOT_STARTED -> NOT_STARTED;
            case PRACTICE -> exercise.failedTests().isEmpty() ? PRACTICE : FAILED;
        };
    }

    static Label of(TestStatus status) {
        return switch (status) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case ERROR -> ERROR;
            case NOT_RUN -> NOT_RUN;
        };
    }

    /** True when the exercise has something to explain: it was not graded normally, or a test did not pass. */
    static boolean needsFeedback(ExerciseResult exercise) {
        return ExerciseFeedback.needed(exercise);
    }
}
