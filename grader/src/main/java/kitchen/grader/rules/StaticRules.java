package kitchen.grader.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kitchen.grading.Lang;

/**
 * Rules read from the student's compiled classes (ArchUnit reads bytecode; nothing runs), for what
 * behaviour alone cannot tell. Integrity rules protect the grading itself and cost the exercise; kitchen
 * rules name a shortcut around the lesson and are reported as feedback.
 */
public final class StaticRules {

    /**
     * A broken rule: its name (an id: the same in every language), its title and reason in the student's
     * language, and where in their code.
     */
    public record Violation(String rule, String title, String reason, String where, boolean integrity) {
    }

    /** Which kitchen rules an exercise relaxes ({@code exercise.properties}: rules.allow-sleep, rules.allow-processes). */
    public record Allowances(boolean sleep, boolean processes) {
    }

    private record Rule(String name, String namePt, ArchRule archRule, String reasonEn, String reasonPt,
            boolean integrity) {
    }

    private static final int MAX_DETAILS = 5;

    private StaticRules() {
    }

    public static List<Violation> check(Path classesDir, Allowances allowances, Lang lang) {
        JavaClasses classes = new ClassFileImporter().importPath(classesDir);
        if (classes.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : rules(allowances)) {
            EvaluationResult result = rule.archRule().allowEmptyShould(true).evaluate(classes);
            if (result.hasViolation()) {
                List<String> details = result.getFailureReport().getDetails();
                String where = String.join("\n", details.subList(0, Math.min(MAX_DETAILS, details.size())))
                        + (details.size() > MAX_DETAILS ? "\n…" : "");
                violations.add(new Violation(rule.name(), lang.pick(rule.name(), rule.namePt()),
                        lang.pick(rule.reasonEn(), rule.reasonPt()), lang == Lang.PT_BR ? portuguese(where) : where,
                        rule.integrity()));
            }
        }
        return violations;
    }

    private static List<Rule> rules(Allowances allowances) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("no System.exit", "sem System.exit",
                noClasses().should(calls("System.exit, Runtime.exit or Runtime.halt",
                        c -> is(c, System.class, "exit") || is(c, Runtime.class, "exit") || is(c, Runtime.class, "halt"))),
                "your code must not end the JVM (System.exit, Runtime.exit, Runtime.halt): the grader must outlive your code",
                "seu código não pode encerrar a JVM (System.exit, Runtime.exit, Runtime.halt): o corretor precisa sobreviver ao seu código",
                true));
        rules.add(new Rule("no reflection into the kit", "sem reflexão na cozinha",
                noClasses().should(calls("setAccessible, Class.forName or MethodHandles.privateLookupIn",
                        c -> c.getName().equals("setAccessible") || c.getName().equals("trySetAccessible")
                                || is(c, Class.class, "forName")
                                || is(c, java.lang.invoke.MethodHandles.class, "privateLookupIn")))
                        .orShould().dependOnClassesThat().resideInAPackage("kitchen.grader.."),
                "your code must not reach into the kitchen or the grader by reflection: use the kitchen's public API",
                "seu código não pode mexer na cozinha ou no corretor por reflexão: use a API pública da cozinha",
                true));
        if (!allowances.sleep()) {
            rules.add(new Rule("no Thread.sleep", "sem Thread.sleep",
                    noClasses().should(calls("Thread.sleep or TimeUnit.sleep",
                            c -> is(c, Thread.class, "sleep") || is(c, TimeUnit.class, "sleep"))),
                    "don't sleep by hand: the kitchen's collaborators do the waiting (and record it); a sleep only hides timing",
                    "não durma na mão: os colaboradores da cozinha fazem a espera (e a registram); um sleep só esconde o tempo",
                    false));
        }
        if (!allowances.processes()) {
            rules.add(new Rule("no processes", "sem processos",
                    noClasses().should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                            .orShould(calls("Runtime.exec", c -> is(c, Runtime.class, "exec"))),
                    "this exercise is about threads: starting processes belongs to exercise 08 only",
                    "este exercício é sobre threads: iniciar processos é só no exercício 08",
                    false));
        }
        return rules;
    }

    /**
     * ArchUnit's lines ("Method <a.B.c()> calls method <java.lang.Thread.sleep(long)> in (B.java:12)") in
     * Portuguese: its few fixed words are replaced, the code between angle brackets is left as it is.
     */
    static String portuguese(String where) {
        List<String> out = new ArrayList<>();
        for (String line : where.split("\n", -1)) {
            String[] parts = line.split("(?=<)|(?<=>)");
            StringBuilder translated = new StringBuilder();
            for (String part : parts) {
                translated.append(part.startsWith("<") ? part : part
                        .replace("Method ", "Método ").replace("Constructor ", "Construtor ")
                        .replace("Class ", "Classe ").replace("Field ", "Campo ")
                        .replace(" calls method ", " chama o método ").replace(" calls constructor ", " chama o construtor ")
                        .replace(" references method ", " referencia o método ")
                        .replace(" references constructor ", " referencia o construtor ")
                        .replace(" gets field ", " lê o campo ").replace(" sets field ", " escreve o campo ")
                        .replace(" has parameter of type ", " tem parâmetro do tipo ")
                        .replace(" has return type ", " tem tipo de retorno ")
                        .replace(" is of type ", " é do tipo ").replace(" extends ", " estende ")
                        .replace(" implements ", " implementa ").replace(" depends on ", " depende de ")
                        .replace(" declares throwable of type ", " declara exceção do tipo ")
                        .replace(" in (", " em ("));
            }
            out.add(translated.toString());
        }
        return String.join("\n", out);
    }

    private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass> calls(
            String description, java.util.function.Predicate<JavaMethodCall> which) {
        return com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere(
                DescribedPredicate.describe(description, which::test));
    }

    private static boolean is(JavaMethodCall call, Class<?> owner, String name) {
        return call.getName().equals(name) && call.getTargetOwner().isEquivalentTo(owner);
    }
}
