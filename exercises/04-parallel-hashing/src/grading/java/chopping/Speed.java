package chopping;

import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.management.OperatingSystemMXBean;

import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.onions.ChoppingBoard;

/**
 * The clock check, a second opinion after the rendezvous proved overlap: how many cores the student's
 * {@code hashAll} keeps busy (process CPU time / wall time), next to the kit's own chopping of the same
 * blocks on one thread and on every core, measured in between. The student must win at least
 * {@value #SHARE_OF_KIT_GAIN} of what the kit's parallel chopping wins over one thread: a plain share of
 * the kit's busy cores would let sequential code (about 1.0) pass whenever load elsewhere pulls the kit
 * down to 1.4. On a machine where even the kit cannot keep {@value #CAN_JUDGE} cores busy (one core, or
 * cores taken by other programs) nothing can be judged, and nothing is failed.
 */
final class Speed {

    /** The kit's own parallel chopping must reach this many busy cores for the machine to judge. */
    static final double CAN_JUDGE = 1.3;
    /** The share of the kit's gain over one thread (in busy cores) the student's code must win too. */
    static final double SHARE_OF_KIT_GAIN = 0.5;

    private static final int ROUNDS = 5;
    private static final int SERIES = 3;
    /** Process CPU time ticks every 10 ms here, so each measured window holds a few hundred ms of work. */
    private static final Duration WINDOW = Duration.ofMillis(300);
    private static final int MAX_REPEATS = 20;

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    record Sample(long cpuNanos, long wallNanos) {
        double busyCores() {
            return (double) cpuNanos / Math.max(1, wallNanos);
        }
    }

    /** One interleaved round: the kit on one thread, the kit on every core, the student's hashAll. */
    record Round(Sample sequential, Sample kit, Sample student) {
        double speedup() {
            return (double) sequential.wallNanos() / Math.max(1, student.wallNanos());
        }
    }

    private final List<byte[]> blocks;
    private final List<String> expected;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private Chopped lastStudentCall;

    private Speed(List<byte[]> blocks, List<String> expected) {
        this.blocks = blocks;
        this.expected = expected;
    }

    /**
     * Warms up, then measures up to {@value #SERIES} series of {@value #ROUNDS} interleaved rounds and
     * stops at the first series that passes or cannot judge, so a moment of load elsewhere does not fail a
     * correct submission.
     */
    static Report measure(List<byte[]> blocks, List<String> expected) {
        Speed speed = new Speed(blocks, expected);
        Round warmUp = speed.round(1, true);
        long perPass = Math.max(1, warmUp.sequential().wallNanos());
        int repeats = Math.clamp(Math.ceilDiv(WINDOW.toNanos(), perPass), 1, MAX_REPEATS);
        Report report = null;
        for (int s = 0; s < SERIES && (report == null || report.failed()); s++) {
            List<Round> rounds = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                // Alternate the order so a drift in the machine's load favours no one.
                rounds.add(speed.round(repeats, r % 2 == 0));
            }
            report = new Report(speed.cores, repeats, rounds, speed.lastStudentCall);
        }
        return report;
    }

    private Round round(int repeats, boolean kitFirst) {
        if (kitFirst) {
            Sample sequential = kitOnOneThread(repeats);
            Sample kit = kitOnEveryCore(repeats);
            Sample student = student(repeats);
            return new Round(sequential, kit, student);
        }
        Sample student = student(repeats);
        Sample kit = kitOnEveryCore(repeats);
        Sample sequential = kitOnOneThread(repeats);
        return new Round(sequential, kit, student);
    }

    private Sample kitOnOneThread(int repeats) {
        return time(() -> {
            for (int i = 0; i < repeats; i++) {
                ChoppingBoard board = new ChoppingBoard();
                MessageDigest knife = board.newKnife();
                for (byte[] block : blocks) {
                    board.chop(knife, block);
                }
            }
            return null;
        });
    }

    /**
     * The kit's own parallel chopping starts a fresh pool per call, and every window (the student's too)
     * runs on a fresh caller thread, like a typical hashAll: on a loaded machine a new thread waits a while
     * for its first time slice, and the kit must pay for that as the student's code does.
     */
    private Sample kitOnEveryCore(int repeats) {
        return time(() -> {
            for (int i = 0; i < repeats; i++) {
                ChoppingBoard board = new ChoppingBoard();
                try (ExecutorService chefs = Executors.newFixedThreadPool(cores)) {
                    for (byte[] block : blocks) {
                        chefs.submit(() -> board.chop(board.newKnife(), block));
                    }
                }
            }
            return null;
        });
    }

    private Sample student(int repeats) {
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        lastStudentCall = Chopped.repeatedly(repeats, blocks, expected);
        Sample sample = new Sample(OS.getProcessCpuTime() - cpu, System.nanoTime() - wall);
        lastStudentCall.assertRight(expected);
        return sample;
    }

    private static Sample time(Callable<Void> work) {
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        Chopped.Outcome<Void> outcome = Chopped.bounded(work);
        Sample sample = new Sample(OS.getProcessCpuTime() - cpu, System.nanoTime() - wall);
        if (outcome.thrown() != null || outcome.timedOut()) {
            throw new IllegalStateException("the kit's own chopping failed", outcome.thrown());
        }
        return sample;
    }

    /** What one series measured, and what it means. */
    record Report(int cores, int repeats, List<Round> rounds, Chopped lastStudentCall) {

        double sequentialBusyCores() {
            return median(rounds.stream().mapToDouble(r -> r.sequential().busyCores()).toArray());
        }

        double kitBusyCores() {
            return median(rounds.stream().mapToDouble(r -> r.kit().busyCores()).toArray());
        }

        double studentBusyCores() {
            return median(rounds.stream().mapToDouble(r -> r.student().busyCores()).toArray());
        }

        double speedup() {
            return median(rounds.stream().mapToDouble(Round::speedup).toArray());
        }

        double bar() {
            double oneThread = sequentialBusyCores();
            return oneThread + SHARE_OF_KIT_GAIN * (kitBusyCores() - oneThread);
        }

        boolean cannotJudge() {
            return cores < 2 || kitBusyCores() < CAN_JUDGE;
        }

        boolean failed() {
            return !cannotJudge() && studentBusyCores() < bar();
        }

        /** One paragraph for the test's output, in the student's language. */
        String summary() {
            Lang lang = Lang.current();
            String measured = String.format(lang.locale(), lang.pick(
                    "speedup: your hashAll chopped %.2f× faster than one thread and kept %.2f cores busy (CPU"
                            + " time / wall time, median of %d runs); on the same blocks, chopping on one thread kept"
                            + " %.2f busy and the kit's own parallel chopping %.2f; needed: %.2f; ideal on this"
                            + " machine: %d.00× (%d cores)",
                    "aceleração: o seu hashAll picou %.2f× mais rápido que uma thread e manteve %.2f núcleos"
                            + " ocupados (tempo de CPU / tempo de relógio, mediana de %d execuções); com os mesmos"
                            + " blocos, picar numa thread manteve %.2f ocupados e o próprio picar em paralelo do kit"
                            + " %.2f; necessário: %.2f; o ideal nesta máquina: %d,00× (%d núcleos)"),
                    speedup(), studentBusyCores(), rounds.size(), sequentialBusyCores(), kitBusyCores(), bar(), cores,
                    cores);
            if (!cannotJudge()) {
                return measured;
            }
            String why = cores < 2
                    ? lang.pick("this JVM has 1 core, so there is no second core to chop on",
                            "esta JVM tem 1 núcleo, então não há um segundo núcleo para picar")
                    : String.format(lang.locale(), lang.pick(
                            "even the kit's own parallel chopping kept only %.2f cores busy (below %.1f): other"
                                    + " programs are using the cores; overlap was already proven at the meeting"
                                    + " point, so this check passes",
                            "nem o próprio picar em paralelo do kit manteve mais que %.2f núcleos ocupados (abaixo"
                                    + " de %.1f): outros programas estão usando os núcleos; a sobreposição já foi"
                                    + " provada no ponto de encontro, então esta verificação passa"),
                            kitBusyCores(), CAN_JUDGE);
            return measured + "\n"
                    + lang.pick("cannot judge on this machine: ", "não dá para julgar nesta máquina: ") + why;
        }

        Feedback feedback() {
            return Feedback.observed("your hashAll kept %.2f cores busy (CPU time / wall time, median of %d runs):"
                                    + " %.2f× faster than chopping on one thread",
                            "o seu hashAll manteve %.2f núcleos ocupados (tempo de CPU / tempo de relógio, mediana"
                                    + " de %d execuções): %.2f× mais rápido que picar numa thread",
                            studentBusyCores(), rounds.size(), speedup())
                    .expected("at least %.2f cores busy: between your runs, chopping the same blocks on one thread"
                                    + " kept %.2f busy and the kit's own parallel chopping %.2f, and your code must win"
                                    + " at least half of what the kit won over one thread (ideal on this machine: %d"
                                    + " cores, %d.00×)",
                            "pelo menos %.2f núcleos ocupados: entre as suas execuções, picar os mesmos blocos numa"
                                    + " thread manteve %.2f ocupados e o próprio picar em paralelo do kit %.2f, e o seu"
                                    + " código tem que ganhar pelo menos metade do que o kit ganhou sobre uma thread"
                                    + " (ideal nesta máquina: %d núcleos, %d,00×)",
                            bar(), sequentialBusyCores(), kitBusyCores(), cores, cores)
                    .hint("overlapping for a moment is not enough: every core must keep chopping until the bag is"
                                    + " empty; in the timeline, stretches with a single bar are time when only one"
                                    + " core worked",
                            "sobrepor por um instante não basta: cada núcleo tem que continuar picando até o saco"
                                    + " esvaziar; na linha do tempo, trechos com uma barra só são tempo em que só um"
                                    + " núcleo trabalhou")
                    .picture(this::table)
                    .picture(lastStudentCall::timeline);
        }

        private String table() {
            Lang lang = Lang.current();
            StringBuilder out = new StringBuilder(String.format(lang.locale(), lang.pick(
                    "busy cores (CPU/wall), %d blocks × %d repeats per run%n",
                    "núcleos ocupados (CPU/relógio), %d blocos × %d repetições por execução%n"),
                    lastStudentCall.blocks.size(), repeats));
            out.append(lang.pick("run   one thread   kit, every core   your hashAll   speedup\n",
                    "exec. uma thread   kit, todo núcleo  seu hashAll    aceleração\n"));
            for (int i = 0; i < rounds.size(); i++) {
                Round r = rounds.get(i);
                out.append(String.format(lang.locale(), "%3d   %10.2f   %15.2f   %12.2f   %6.2f×%n", i + 1,
                        r.sequential().busyCores(), r.kit().busyCores(), r.student().busyCores(), r.speedup()));
            }
            return out.toString();
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }
}
