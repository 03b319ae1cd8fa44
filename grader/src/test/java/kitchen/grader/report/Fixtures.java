package kitchen.grader.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kitchen.grader.protocol.Picture;
import kitchen.grader.score.ExerciseResult;
import kitchen.grader.score.ExerciseStatus;
import kitchen.grader.score.Grade;
import kitchen.grader.score.TestResult;
import kitchen.grader.score.TestStatus;
import kitchen.grading.Lang;

/** Grades shaped like the grader's: one passing exercise, one partial with a hostile message, one that did not compile. */
final class Fixtures {

    /** Everything a student's code can put into a message that could break a report. */
    static final String HOSTILE = "expected | found `x` ```code``` </testcase> ]]> <failure> & \"q\" 'a'"
            + " \u0000nul \u0007bell \u001b[31mred\u001b[0m \ud800lone \uD83C\uDF73egg \r\nnext line";

    static final String TIMELINE = """
            Expected every egg on the stove at once, but they ran one after another:
              egg 1  |#####          |
              egg 2  |     #####     |
              egg 3  |          #####|
            Hint: start every egg before waiting for any.""";

    private Fixtures() {
    }

    static TestResult passed(String name, String method, int points) {
        return new TestResult(name, "kitchen.eggs.BoilEggsTest", method, TestStatus.PASSED, points, points, "",
                Duration.ofMillis(120));
    }

    static TestResult failed(String name, String method, int maxPoints, String message) {
        return new TestResult(name, "kitchen.eggs.BoilEggsTest", method, TestStatus.FAILED, 0, maxPoints, message,
                Duration.ofMillis(1500));
    }

    static TestResult error(String name, String method, int maxPoints, String message) {
        return new TestResult(name, "kitchen.eggs.BoilEggsTest", method, TestStatus.ERROR, 0, maxPoints, message,
                Duration.ofMillis(10));
    }

    static ExerciseResult lazyBreakfast() {
        return new ExerciseResult("01-lazy-breakfast", "lazy breakfast", 10, 10, ExerciseStatus.GRADED, "",
                List.of(passed("nothing happens at creation", "nothingAtCreation", 5),
                        passed("serve runs the task once", "runsOnce", 5)),
                Duration.ofMillis(2300), "");
    }

    static ExerciseResult boilEggs() {
        return new ExerciseResult("02-boil-eggs", "boil eggs concurrently", 12, 20, ExerciseStatus.GRADED, "",
                List.of(passed("every egg is boiled", "everyEgg", 12),
                        failed("all eggs are on the stove at the same time", "allAtOnce", 5, TIMELINE),
                        error("a cracked egg | `fails` fast", "crackedEgg", 3, HOSTILE)),
                Duration.ofMillis(8100), "Boiling eggs 1\nEgg 1 done!\n\u001b[2J");
    }

    /** Did not compile: its two graded tests never ran (as the grader lists them). */
    static ExerciseResult chopOnions() {
        return new ExerciseResult("04-chop-onions", "chop onions in parallel", 0, 15, ExerciseStatus.COMPILE_ERROR,
                "your code does not compile:\nOnions.java:12: error: ';' expected </testcase> ]]>",
                List.of(notRun("digests are right", "digests", 10), notRun("all cores chop", "allCores", 5)),
                Duration.ofMillis(900), "");
    }

    /** The stub, untouched: not run, its graded tests listed as not run. */
    static ExerciseResult notStarted() {
        return new ExerciseResult("05-shared-results", "shared results", 0, 12, ExerciseStatus.NOT_STARTED,
                "the code is the stub, unchanged: begin with exercises/05-shared-results/README.md, Task 1",
                List.of(notRun("two cooks lose nothing", "twoCooks", 6), notRun("the waiter sees whole dishes",
                        "waiter", 6)), Duration.ofMillis(20), "");
    }

    static TestResult notRun(String name, String method, int maxPoints) {
        return new TestResult(name, "kitchen.onions.ChopTest", method, TestStatus.NOT_RUN, 0, maxPoints,
                "not run: the code did not compile", Duration.ZERO);
    }

    /** A timeline of a pool of two (two bars at once, then three eggs finished at one instant). */
    static final Picture.Timeline POOL_OF_TWO = new Picture.Timeline("""
                   0 ms                                         2700 ms
            egg 1  |===============================                   | pool-1-thread-1
            egg 2  |==================================================| pool-1-thread-2
            egg 3  |                                =                 | pool-1-thread-1
            """, 2700, List.of(
            new Picture.Bar("egg 1", "pool-1-thread-1", false, 0, 1700, false, ""),
            new Picture.Bar("egg 2", "pool-1-thread-2", false, 0, 2700, false, ""),
            new Picture.Bar("egg 3", "pool-1-thread-1", false, 1700.2, 1700.25, false, "cracked")), 0);

    static final Picture.Cycle STANDOFF = new Picture.Cycle(List.of(
            new Picture.Link("Plato", List.of("fork 0"), "fork 1"),
            new Picture.Link("Kant", List.of("fork 1"), "fork 0")));

    /** A failed test whose message shows a timeline and a deadlock, both also carried as pictures. */
    static ExerciseResult pictured() {
        TestResult failed = new TestResult("all eggs at once", "eggs.BoilAllTest", "allAtOnce", TestStatus.FAILED, 0, 3,
                "observed: at most 2 of 3 eggs at once\nand a deadlock: Plato holds fork 0 and waits for fork 1\n\n"
                        + POOL_OF_TWO.text().stripTrailing(), Duration.ofMillis(2800), List.of(POOL_OF_TWO, STANDOFF));
        return new ExerciseResult("02-boil-eggs", "boil eggs concurrently", 0, 3, ExerciseStatus.GRADED, "",
                List.of(failed), Duration.ofSeconds(3), "");
    }

    static Grade grade(Lang lang, ExerciseResult... exercises) {
        return new Grade("submissions/ana", List.of(exercises), lang, 1.5,
                Instant.parse("2026-11-02T10:15:30Z"), Duration.ofMillis(11_300),
                kitchen.grader.sandbox.Isolation.sandbox());
    }

    static Grade grade(Lang lang) {
        return grade(lang, lazyBreakfast(), boilEggs(), chopOnions());
    }
}
