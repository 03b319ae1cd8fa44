package kitchen.grader.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.GradedTest;
import kitchen.grader.rules.StaticRules;
import kitchen.grader.run.ForkedJvm;
import kitchen.grader.protocol.ResultSeal;
import kitchen.grader.protocol.RunEvent;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.TestResult;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;

/**
 * Turns what a forked JVM reported into a verdict. A JVM that ran to the end is graded test by test; one
 * that ended early (exit, crash, out of memory) or was killed at the deadline costs the whole exercise,
 * and the message says what happened and which test was running.
 */
final class Scoring {


    private Scoring() {
    }

    static ExerciseResult score(Exercise exercise, Lang lang, List<String> lines, ResultSeal seal,
            ForkedJvm.Outcome outcome, Duration deadline) {
        Map<String, RunEvent> started = new LinkedHashMap<>();
        Map<String, RunEvent> finished = new LinkedHashMap<>();
        boolean done = false;
        boolean forged = false;
        RunEvent watchdog = null;
        for (String line : lines) {
            String json = seal.open(line);
            if (json == null) {
                // Not written by the runner (a torn last line after a kill is the only innocent case).
                forged |= !line.isBlank() && line != lines.getLast();
                continue;
            }
            RunEvent e = RunEvent.parse(json);
            if (e == null) {
                continue;
            }
            String key = e.className() + "#" + e.methodName();
            switch (e.kind()) {
                case STARTED -> started.put(key, e);
                case FINISHED -> finished.put(key, e);
                case DEADLINE -> watchdog = e;
                case DONE -> done = true;
            }
        }

        List<TestResult> tests = new ArrayList<>();
        for (RunEvent e : finished.values()) {
            TestStatus status = switch (e.verdict()) {
                case PASSED -> TestStatus.PASSED;
                case FAILED -> TestStatus.FAILED;
                case ERROR, NONE -> TestStatus.ERROR;
            };
            tests.add(new TestResult(e.name(), e.className(), e.methodName(), status,
                    status == TestStatus.PASSED ? e.points() : 0, e.points(), e.message(),
                    Duration.ofMillis(e.durationMs()), e.pictures()));
        }
        List<RunEvent> unfinished = started.entrySet().stream()
                .filter(s -> !finished.containsKey(s.getKey())).map(Map.Entry::getValue).toList();

        if (forged) {
            return new ExerciseResult(exercise.id(), exercise.title(lang), 0, exercise.points(), ExerciseStatus.CRASHED,
                    lang.pick("the test results were tampered with: lines the grader did not write were found in them",
                            "os resultados dos testes foram adulterados: há linhas que o corretor não escreveu"),
                    List.of(), outcome.elapsed(), outcome.output());
        }
        boolean ranToTheEnd = done && !outcome.killed() && outcome.exitCode() == 0;
        if (ranToTheEnd) {
            int score = tests.stream().mapToInt(TestResult::points).sum();
            return new ExerciseResult(exercise.id(), exercise.title(lang), Math.min(score, exercise.points()),
                    exercise.points(), ExerciseStatus.GRADED, "", tests, outcome.elapsed(), outcome.output());
        }

        String running = unfinished.isEmpty() ? "" : unfinished.getLast().name();
        for (RunEvent e : unfinished) {
            tests.add(new TestResult(e.name(), e.className(), e.methodName(), TestStatus.ERROR, 0, e.points(),
                    lang.pick("did not finish: the JVM ended under it", "não terminou: a JVM acabou durante o teste"),
                    Duration.ZERO));
        }
        boolean timedOut = outcome.killed() || watchdog != null;
        ExerciseStatus status = timedOut ? ExerciseStatus.TIMEOUT : ExerciseStatus.CRASHED;
        String message = timedOut ? timeoutMessage(lang, deadline, running, watchdog)
                : crashMessage(lang, outcome, running);
        return new ExerciseResult(exercise.id(), exercise.title(lang), 0, exercise.points(), status, message, tests,
                outcome.elapsed(), outcome.output()).zeroed();
    }

    /**
     * Adds one failed, 0-point line per broken static rule. A broken integrity rule (ending the JVM,
     * reflection into the kit) costs the whole exercise: its tests cannot be trusted to have judged it.
     */
    static ExerciseResult withRules(ExerciseResult result, List<StaticRules.Violation> violations, Lang lang) {
        if (violations.isEmpty()) {
            return result;
        }
        List<TestResult> tests = new ArrayList<>(result.tests());
        boolean integrity = false;
        for (StaticRules.Violation v : violations) {
            integrity |= v.integrity();
            tests.add(new TestResult(lang.pick("kitchen rule: ", "regra da cozinha: ") + v.title(), "kitchen.rules",
                    v.rule().replaceAll("[^A-Za-z]+", "-"), TestStatus.FAILED, 0, 0, v.reason() + "\n" + v.where(),
                    Duration.ZERO));
        }
        if (!integrity) {
            return result.withTests(tests);
        }
        String why = violations.stream().filter(StaticRules.Violation::integrity).map(StaticRules.Violation::reason)
                .reduce((a, b) -> a + "\n" + b).orElse("");
        return result.withTests(tests).withMessage((result.message().isEmpty() ? "" : result.message() + "\n") + why)
                .zeroed();
    }

    /**
     * The student's code rewrote the grader's files while it ran. They have been put back, but this
     * exercise's own run cannot be trusted, so it earns nothing; the message lists what changed.
     */
    static ExerciseResult tampered(ExerciseResult result, KitGuard.Tampering tampering, Lang lang) {
        List<String> files = tampering.files();
        String shown = String.join("\n  ", files.subList(0, Math.min(5, files.size())))
                + (files.size() > 5 ? "\n  … (" + (files.size() - 5) + " more)" : "");
        String message = lang.pick(
                "observed: while your code ran, the grader's own files changed:\n  " + shown + "\n"
                        + "expected: your code leaves the kit's tests and the grader alone\n"
                        + "hint: write only to files your exercise asks for; the grader put its files back and "
                        + "this exercise earns 0 points",
                "observado: enquanto seu código rodava, os arquivos do próprio corretor mudaram:\n  " + shown + "\n"
                        + "esperado: seu código não mexe nos testes do kit nem no corretor\n"
                        + "dica: grave só os arquivos que o exercício pede; o corretor restaurou seus arquivos e "
                        + "este exercício vale 0 pontos")
                + (tampering.othersRunning() > 0 ? lang.pick(
                        "\n(another exercise was running at the same time: grade again with --jobs 1 to tell which)",
                        "\n(outro exercício rodava ao mesmo tempo: corrija de novo com --jobs 1 para saber qual)") : "");
        return result.withStatus(ExerciseStatus.TAMPERED).withMessage(message).zeroed();
    }

    /**
     * The last step of every exercise's verdict. Every graded test the kit's sources declare is listed,
     * the ones that never ran as {@link TestStatus#NOT_RUN} with 0 points (so every report, and GitHub
     * Classroom's runners, show the same tests on every push). Without the hidden tests in this copy of
     * the kit the exercise is {@link ExerciseStatus#PRACTICE}: 0 of 0, never a grade.
     */
    static ExerciseResult completed(ExerciseResult result, Exercise exercise, Lang lang) {
        List<TestResult> tests = new ArrayList<>(result.tests());
        java.util.Set<String> seen = new java.util.HashSet<>();
        tests.forEach(t -> seen.add(t.className() + "#" + t.methodName()));
        String why = lang.pick("not run: " + notRunReason(result.status()), "não rodou: " + notRunReasonPt(result.status()));
        for (GradedTest g : exercise.gradedTests()) {
            if (seen.add(g.className() + "#" + g.methodName())) {
                tests.add(new TestResult(g.displayName(), g.className(), g.methodName(), TestStatus.NOT_RUN, 0,
                        g.points(), why, Duration.ZERO));
            }
        }
        // Graded tests in the order the sources declare them (stable from push to push), then the rest.
        List<GradedTest> catalog = exercise.gradedTests();
        java.util.Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < catalog.size(); i++) {
            position.put(catalog.get(i).className() + "#" + catalog.get(i).methodName(), i);
        }
        tests.sort(java.util.Comparator.comparingInt(
                t -> position.getOrDefault(t.className() + "#" + t.methodName(), catalog.size())));
        if (lang == Lang.PT_BR) {
            // The graded tests' names as the Portuguese statement's points table gives them (the contract test
            // keeps that table in line with the tests); a test it does not name keeps its English name.
            // The public tests' names come from its practice table the same way.
            java.util.Map<String, String> names = new java.util.HashMap<>(
                    kitchen.grader.kit.PointsTable.portugueseNames(exercise));
            names.putAll(kitchen.grader.kit.PracticeChecks.portugueseNames(exercise));
            tests.replaceAll(t -> t.withName(names.getOrDefault(t.className() + "#" + t.methodName(), t.name())));
        }
        ExerciseResult complete = result.withTests(tests);
        if (exercise.hasHiddenTests()) {
            return complete;
        }
        return (complete.status() == ExerciseStatus.GRADED ? complete.withStatus(ExerciseStatus.PRACTICE) : complete)
                .withScore(0, 0);
    }

    private static String notRunReason(ExerciseStatus status) {
        return switch (status) {
            case COMPILE_ERROR -> "the code did not compile";
            case TIMEOUT -> "the exercise was stopped at its deadline before this test";
            case CRASHED -> "the test JVM ended before this test";
            case MISSING -> "the exercise folder is missing";
            case NOT_STARTED -> "the exercise is its stub, unchanged";
            case TAMPERED -> "the run changed the grader's files";
            case NOT_RUN -> "the grading's time budget ran out";
            case GRADED, PRACTICE -> "the test run ended before this test";
        };
    }

    private static String notRunReasonPt(ExerciseStatus status) {
        return switch (status) {
            case COMPILE_ERROR -> "o código não compilou";
            case TIMEOUT -> "o exercício foi interrompido no prazo antes deste teste";
            case CRASHED -> "a JVM dos testes terminou antes deste teste";
            case MISSING -> "a pasta do exercício não existe";
            case NOT_STARTED -> "o exercício é o esqueleto, sem mudanças";
            case TAMPERED -> "a execução alterou os arquivos do corretor";
            case NOT_RUN -> "o tempo total da correção acabou";
            case GRADED, PRACTICE -> "a execução dos testes terminou antes deste teste";
        };
    }

    private static String timeoutMessage(Lang lang, Duration deadline, String running, RunEvent watchdog) {
        long s = deadline.toSeconds();
        StringBuilder m = new StringBuilder(lang.pick(
                "did not finish within " + s + " s: the grader stopped it",
                "não terminou em " + s + " s: o corretor o interrompeu"));
        if (!running.isEmpty()) {
            m.append(lang.pick(" while running \"", " durante \"")).append(running).append('"');
        }
        if (watchdog != null && !watchdog.message().isBlank()) {
            m.append('\n').append(watchdog.message());
        }
        if (watchdog == null || !watchdog.deadlock()) {
            m.append(lang.pick(
                    "\nhint: look for a loop that never ends, or a thread waiting for something that never comes",
                    "\ndica: procure um laço que nunca termina, ou uma thread esperando algo que nunca chega"));
        }
        return m.toString();
    }

    private static String crashMessage(Lang lang, ForkedJvm.Outcome outcome, String running) {
        String during = running.isEmpty() ? "" : lang.pick(" while running \"" + running + "\"",
                " durante \"" + running + "\"");
        if (outcome.outOfMemory()) {
            return lang.pick("ran out of memory" + during + " (the tests run with a 512 MB heap): "
                            + "something keeps too much, or creates without end",
                    "ficou sem memória" + during + " (os testes rodam com 512 MB de heap): "
                            + "algo guarda demais, ou cria sem parar");
        }
        if (outcome.exitCode() == 0 || outcome.exitCode() == 1) {
            return lang.pick("the test JVM ended early" + during + " (exit code " + outcome.exitCode()
                            + "): does your code call System.exit or Runtime.halt? The grader must outlive your code.",
                    "a JVM dos testes terminou antes da hora" + during + " (código de saída " + outcome.exitCode()
                            + "): seu código chama System.exit ou Runtime.halt? O corretor precisa sobreviver ao seu código.");
        }
        return lang.pick("the test JVM ended early" + during + " with exit code " + outcome.exitCode()
                        + ": System.exit or a crash in your code",
                "a JVM dos testes terminou antes da hora" + during + " com código de saída " + outcome.exitCode()
                        + ": System.exit ou uma falha no seu código");
    }
}
