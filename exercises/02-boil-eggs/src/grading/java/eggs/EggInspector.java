package eggs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.grading.TimeScale;
import kitchen.stove.BoiledEgg;
import kitchen.stove.Egg;
import kitchen.stove.Stove;
import kitchen.trace.Journal;

/** What the graded tests of both tasks share: the eggs, the inspection stove, and the precondition. */
final class EggInspector {

    /** How long the stove waits for one more egg before it decides the eggs are not going on together. */
    static final Duration GATE = TimeScale.millis(1500);

    private EggInspector() {
    }

    /** What a call returned, seen at the instant it returned. */
    record Served(List<BoiledEgg> eggs, int doneAtReturn, Duration took) {
        long millis() {
            return took.toMillis();
        }
    }

    @FunctionalInterface
    interface Boiling {
        List<BoiledEgg> boil() throws InterruptedException;
    }

    /** Eggs numbered 1, 2, 3… that boil for the given times. */
    static List<Egg> eggs(long... millis) {
        return IntStream.range(0, millis.length).mapToObj(i -> new Egg(i + 1, Duration.ofMillis(millis[i]))).toList();
    }

    static Stove stoveFor(List<Egg> eggs) {
        return Stove.inspected(eggs.size(), GATE);
    }

    static Served serve(Stove stove, Boiling call) throws InterruptedException {
        long start = System.nanoTime();
        List<BoiledEgg> result = call.boil();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int done = stove.doneOrder().size();
        return new Served(snapshot(result), done, took);
    }

    /** A copy of what was returned, or null; a list its threads are still filling counts as unfinished. */
    private static List<BoiledEgg> snapshot(List<BoiledEgg> result) {
        if (result == null) {
            return null;
        }
        try {
            return new ArrayList<>(result);
        } catch (RuntimeException stillBeingFilled) {
            return List.of();
        }
    }

    /** The precondition of every graded test: the call returned every egg, boiled, in input order, once all were done. */
    static void servedEveryEgg(String method, Served served, List<Egg> eggs, Stove stove) {
        int n = eggs.size();
        if (served.doneAtReturn() < n) {
            throw Feedback.observed(
                            "%s returned before every egg was done: %d of %d eggs were done when it returned",
                            "%s retornou antes de todos os ovos ficarem prontos: %d de %d ovos estavam prontos quando retornou",
                            method, served.doneAtReturn(), n)
                    .expected("return only once every egg is done", "retornar só quando todos os ovos estiverem prontos")
                    .hint("wait for every egg you started before you return: a started egg is not a boiled egg",
                            "espere todos os ovos que você começou antes de retornar: ovo começado não é ovo cozido")
                    .picture(stove::timeline)
                    .error();
        }
        List<Integer> returned = served.eggs() == null ? null
                : served.eggs().stream().map(b -> b == null ? null : b.number()).toList();
        List<Integer> expected = numbers(eggs);
        boolean same = served.eggs() != null && served.eggs().size() == n
                && IntStream.range(0, n).allMatch(i -> served.eggs().get(i) != null
                        && served.eggs().get(i).egg().equals(eggs.get(i)));
        if (!same) {
            throw Feedback.observed("%s returned the eggs %s", "%s retornou os ovos %s", method, returned)
                    .expected("every egg, boiled, in input order: %s", "todos os ovos, cozidos, na ordem da entrada: %s",
                            expected)
                    .hint("put each boiled egg at the position its egg had in the list you were given",
                            "coloque cada ovo cozido na posição que o ovo tinha na lista recebida")
                    .error();
        }
    }

    /** The eggs were never all on the stove together. */
    static Feedback notAllOnTogether(Stove stove, int n, String hintEn, String hintPt) {
        return Feedback.observed("at most %d of %d eggs were on the stove at the same time (the stove waited %d ms"
                                + " for the others, then finished the remaining eggs at once so that this test ends quickly)",
                        "no máximo %d de %d ovos estiveram no fogão ao mesmo tempo (o fogão esperou %d ms pelos outros e"
                                + " depois terminou os ovos restantes na hora, para este teste acabar logo)",
                        stove.peakOnStove(), n, GATE.toMillis())
                .expected("all %d eggs on the stove at the same time, like asyncio.create_task for each egg",
                        "os %d ovos no fogão ao mesmo tempo, como asyncio.create_task para cada ovo", n)
                .hint(hintEn, hintPt)
                .picture(() -> printed(stove))
                .picture(stove::timeline);
    }

    /** Waiting was not overlapped: the call took too long for the eggs it boiled. */
    static Feedback tookTooLong(String method, Served served, List<Egg> eggs, Duration limit, Stove stove) {
        return Feedback.observed("%s took %d ms for eggs of %s ms",
                        "%s levou %d ms para ovos de %s ms", method, served.millis(), boilMillis(eggs))
                .expected("about %d ms (the longest egg), well under %d ms (all eggs one after another): under %d ms",
                        "cerca de %d ms (o ovo mais demorado), bem menos que %d ms (um ovo depois do outro): menos de %d ms",
                        longest(eggs).toMillis(), total(eggs).toMillis(), limit.toMillis())
                .hint("while one egg waits, the others can boil: the waits must overlap",
                        "enquanto um ovo espera, os outros podem cozinhar: as esperas precisam se sobrepor")
                .picture(stove::timeline);
    }

    /**
     * The clock's limit: halfway between the longest egg (all eggs together) and the sum (one after another),
     * stretched, and never beyond the gate. An answer that never has all eggs on together waits out the
     * whole gate before its first egg even starts boiling, so it can never beat this limit, at any time scale.
     */
    static Duration clockLimit(List<Egg> eggs) {
        Duration halfway = TimeScale.scaled(longest(eggs).plus(total(eggs)).dividedBy(2));
        return halfway.compareTo(GATE) < 0 ? halfway : GATE;
    }

    static Duration longest(List<Egg> eggs) {
        return eggs.stream().map(Egg::boilTime).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    static Duration total(List<Egg> eggs) {
        return eggs.stream().map(Egg::boilTime).reduce(Duration.ZERO, Duration::plus);
    }

    static List<Integer> numbers(List<Egg> eggs) {
        return eggs.stream().map(Egg::number).toList();
    }

    /** Egg numbers, shortest boil first: the order eggs started together are done in. */
    static List<Integer> byBoilTime(List<Egg> eggs) {
        return eggs.stream().sorted(Comparator.comparing(Egg::boilTime)).map(Egg::number).toList();
    }

    static List<Long> boilMillis(List<Egg> eggs) {
        return eggs.stream().map(e -> e.boilTime().toMillis()).toList();
    }

    /** The egg number an event such as "Boiling eggs 3" or "Egg 3 done!" is about. */
    static int eggOf(Journal.Event event) {
        return Integer.parseInt(event.what().replaceAll("\\D+", " ").trim());
    }

    static boolean isPutOn(Journal.Event event) {
        return event.what().startsWith("Boiling eggs ");
    }

    static boolean isDone(Journal.Event event) {
        return event.what().endsWith(" done!");
    }

    /** The stove's journal as the lines a student would have printed, each with its thread. */
    static String printed(Stove stove) {
        List<Journal.Event> events = stove.journal().events();
        int shown = Math.min(events.size(), 16);
        String lines = events.subList(0, shown).stream()
                .map(e -> String.format("%-16s  " + Lang.current().pick("on", "em") + " %s", e.what(), e.worker().label()))
                .collect(Collectors.joining("\n"));
        return shown < events.size()
                ? lines + "\n… " + Lang.current().pick((events.size() - shown) + " more", "mais " + (events.size() - shown))
                : lines;
    }
}
