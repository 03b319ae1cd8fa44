package kitchen.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kitchen.grader.compile.Compilation;
import kitchen.grader.io.Folders;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.rules.StaticRules;
import kitchen.grader.run.ForkedJvm;
import kitchen.grader.protocol.ResultSeal;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grading.Lang;

/**
 * Grades one exercise: compiles the student's sources, compiles the kit's tests (public and hidden)
 * against them, runs the tests in a forked JVM under the exercise's deadline, and scores what the JVM
 * reported. Every failure of the submission becomes a status and a message; only a failure of the
 * grader itself (an unwritable temp folder) escapes as an exception.
 */
final class ExerciseGrading {

    private final Kit kit;
    private final Exercise exercise;
    private final Options options;
    private final Lang lang;
    private final KitGuard guard;
    /** The most this exercise's JVM may run: what is left of the grading's budget, or null for no such cap. */
    private final Duration cap;

    ExerciseGrading(Kit kit, Exercise exercise, Options options, KitGuard guard, Duration cap) {
        this.kit = kit;
        this.exercise = exercise;
        this.options = options;
        this.lang = options.lang();
        this.guard = guard;
        this.cap = cap;
    }

    /** The exercise's verdict, with every graded test listed whether it ran or not. */
    ExerciseResult grade(Path studentSources) {
        return Scoring.completed(verdict(studentSources), exercise, lang);
    }

    /** What an exercise earns when the grading's budget ran out before it could run. */
    static ExerciseResult outOfBudget(Exercise exercise, Lang lang, Duration budget) {
        String message = lang.pick(
                "not run: the grading's whole time budget (" + budget.toSeconds() + " s) was spent on the exercises "
                        + "before it; hint: an exercise above hangs or runs until its deadline: fix it, and this one runs",
                "não rodou: o tempo total da correção (" + budget.toSeconds() + " s) foi gasto nos exercícios "
                        + "anteriores; dica: um exercício acima trava ou roda até o prazo: corrija-o, e este vai rodar");
        ExerciseResult result = new ExerciseResult(exercise.id(), exercise.title(lang), 0, exercise.points(),
                ExerciseStatus.NOT_RUN, message, List.of(), Duration.ZERO, "");
        return Scoring.completed(result, exercise, lang);
    }

    private ExerciseResult verdict(Path studentSources) {
        long t0 = System.nanoTime();
        if (!Files.isDirectory(studentSources)) {
            return notRun(ExerciseStatus.MISSING, lang.pick(
                    "no folder exercises/" + exercise.id() + "/src/main/java in the submission",
                    "não há a pasta exercises/" + exercise.id() + "/src/main/java na submissão"), t0);
        }
        List<String> kitPackages = Compilation.declaredPackages(studentSources).stream()
                .filter(p -> p.equals("kitchen") || p.startsWith("kitchen.")).distinct().toList();
        if (!kitPackages.isEmpty()) {
            return notRun(ExerciseStatus.COMPILE_ERROR, lang.pick(
                    "your code declares the kit's package " + kitPackages + ": the kitchen's classes belong to the "
                            + "grader; keep your classes in the exercise's own package",
                    "seu código declara o pacote do kit " + kitPackages + ": as classes da cozinha pertencem ao "
                            + "corretor; mantenha suas classes no pacote do exercício"), t0);
        }
        if (!options.runUntouched() && exercise.untouched(studentSources)) {
            // The stub scores 0 (the kit's self-check grades every stub to prove it): no need to run it.
            return notRun(ExerciseStatus.NOT_STARTED, lang.pick(
                    "the code is the stub, unchanged: begin with exercises/" + exercise.id() + "/README.md, Task 1",
                    "o código é o esqueleto, sem mudanças: comece por exercises/" + exercise.id()
                            + "/README.pt-BR.md, Tarefa 1"), t0);
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("kitchen-" + exercise.id() + "-");
            return compileAndRun(studentSources, work, t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRun(ExerciseStatus.CRASHED, lang.pick("grading was interrupted", "a correção foi interrompida"), t0);
        } finally {
            Folders.deleteQuietly(work);
        }
    }

    private ExerciseResult compileAndRun(Path studentSources, Path work, long t0)
            throws IOException, InterruptedException {
        Path mainClasses = work.resolve("main");
        Path testClasses = work.resolve("test");
        Path studentExerciseDir = studentSources.getParent().getParent().getParent();

        var student = Compilation.compile(List.of(studentSources),
                List.of(studentSources.resolveSibling("resources")), options.kitClasspath(), mainClasses,
                studentExerciseDir);
        if (!student.ok()) {
            return notRun(ExerciseStatus.COMPILE_ERROR, lang.pick("your code does not compile:\n",
                    "seu código não compila:\n") + student.errors(), t0);
        }
        List<Path> testCompileCp = new ArrayList<>(options.kitClasspath());
        testCompileCp.add(mainClasses);
        var tests = Compilation.compile(List.of(exercise.publicTests(), exercise.hiddenTests()),
                List.of(exercise.publicTestResources(), exercise.hiddenTestResources()), testCompileCp, testClasses,
                exercise.dir());
        if (!tests.ok()) {
            return notRun(ExerciseStatus.COMPILE_ERROR, lang.pick(
                    "the exercise's tests do not compile against your code: did you rename a class or change a "
                            + "public method's signature? Keep the stub's API.\n",
                    "os testes do exercício não compilam com o seu código: você renomeou uma classe ou mudou a "
                            + "assinatura de um método público? Mantenha a API do esqueleto.\n") + tests.errors(), t0);
        }

        List<StaticRules.Violation> violations = StaticRules.check(mainClasses,
                new StaticRules.Allowances(exercise.allowSleep(), exercise.allowProcesses()), lang);

        List<String> shadowed = ForkedJvm.sameNames(mainClasses, testClasses);
        if (!shadowed.isEmpty()) {
            return notRun(ExerciseStatus.COMPILE_ERROR, lang.pick(
                    "your code declares classes the exercise's tests own: " + shadowed + "; hint: give your "
                            + "classes names of their own (a test class in src/main takes the place of the real one)",
                    "seu código declara classes que pertencem aos testes do exercício: " + shadowed + "; dica: dê "
                            + "nomes próprios às suas classes (uma classe de teste em src/main toma o lugar da "
                            + "verdadeira)"), t0);
        }

        Duration deadline = deadline();
        ResultSeal seal = ResultSeal.random();
        ForkedJvm.Request request = new ForkedJvm.Request(options.kitClasspath(), mainClasses, testClasses, work,
                deadline, lang, options.timeScale(), options.onlyTests(), seal, options.sandbox());
        // Student code runs only inside this window: the guard checks the grader's files on both sides of it.
        Object run = new Object();
        guard.enter(run);
        ForkedJvm.Outcome outcome;
        KitGuard.Tampering tampering;
        try {
            outcome = ForkedJvm.run(request);
        } finally {
            tampering = guard.exit(run);
        }
        ExerciseResult result = Scoring.withRules(
                Scoring.score(exercise, lang, outcome.results(), seal, outcome, deadline), violations, lang);
        return tampering == null ? result : Scoring.tampered(result, tampering, lang);
    }

    /** The exercise's hard deadline on this machine, cut to what is left of the grading's budget. */
    Duration deadline() {
        Duration own = Duration.ofMillis(Math.round(exercise.deadlineSeconds() * 1000.0 * Math.max(1.0, options.timeScale())));
        return cap == null || cap.compareTo(own) >= 0 ? own : cap;
    }

    private ExerciseResult notRun(ExerciseStatus status, String message, long t0) {
        return new ExerciseResult(exercise.id(), exercise.title(lang), 0, exercise.points(), status, message,
                List.of(), Duration.ofNanos(System.nanoTime() - t0), "");
    }
}
