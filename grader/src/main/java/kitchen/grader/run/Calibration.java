package kitchen.grader.run;

import kitchen.grader.forked.Probe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kitchen.grader.compile.Compilation;

/**
 * Measures how slow this machine is right now, so that deadlines and timing margins stretch on a slow
 * laptop or a busy Classroom runner instead of failing correct code. It times a fresh JVM doing a fixed
 * piece of work ({@link Probe}) and compares it with the same probe on the 2-core machine the margins were
 * set on. Only ever stretches: a fast machine keeps the factor 1, so slow code gains nothing there.
 */
public final class Calibration {

    /**
     * The probe's wall time (JVM start included) on the reference 2-core machine, idle: measured 265–316 ms
     * over 10 runs (median 283 ms), so the best of three reads about 270 ms there. 300 ms leaves that
     * machine's own noise at factor 1.0 and starts stretching once it is about 10 % slower.
     */
    static final long REFERENCE_MILLIS = 300;
    /** Never stretch beyond this: past it the machine cannot grade timing at all. */
    static final double MAX_FACTOR = kitchen.grading.TimeScale.MAX;
    private static final int RUNS = 3;

    private Calibration() {
    }

    /** The factor for this machine now (≥ 1), from the fastest of a few probe runs. */
    public static double measure(List<Path> classpath) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            best = Math.min(best, probeMillis(classpath));
        }
        return factorFor(best);
    }

    static double factorFor(long probeMillis) {
        double f = (double) probeMillis / REFERENCE_MILLIS;
        // Round to one decimal so reports read "1.0", "2.3": the probe's own noise is larger than that.
        return Math.round(Math.max(1.0, Math.min(MAX_FACTOR, f)) * 10) / 10.0;
    }

    private static long probeMillis(List<Path> classpath) {
        List<String> command = new ArrayList<>(List.of(
                ForkedJvm.javaExecutable(),
                "-Xshare:auto", "-XX:+UseSerialGC", "-cp", Compilation.joinPath(classpath), Probe.class.getName()));
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return (long) (REFERENCE_MILLIS * MAX_FACTOR);
            }
        } catch (IOException e) {
            return REFERENCE_MILLIS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return REFERENCE_MILLIS;
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
