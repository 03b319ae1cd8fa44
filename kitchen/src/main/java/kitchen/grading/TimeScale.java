package kitchen.grading;

import java.time.Duration;

/**
 * Stretches the graded tests' timeouts and clock margins on a slow or busy machine. The grader measures
 * the machine before grading and passes the factor to every forked JVM; 1.0 means "as fast as the
 * machine the margins were set on". Clocks only ever loosen with it: a factor below 1 is read as 1.
 */
public final class TimeScale {

    /** The system property the grader sets in every JVM it forks. */
    public static final String PROPERTY = "kitchen.time.scale";

    /**
     * The most any deadline or margin is stretched, however slow the machine: past it a grading would
     * outlast any sensible job (eight exercises × their deadlines × 8 ≈ 1¾ h; the Classroom workflow's
     * budget cuts it shorter still).
     */
    public static final double MAX = 8.0;

    private TimeScale() {
    }

    public static double factor() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null) {
            return 1.0;
        }
        try {
            double f = Double.parseDouble(configured.trim());
            return Double.isFinite(f) && f > 1.0 ? Math.min(f, MAX) : 1.0;
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }

    /** {@code d} stretched by {@link #factor()}. */
    public static Duration scaled(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() * factor()));
    }

    /** {@code millis} stretched by {@link #factor()}. */
    public static Duration millis(long millis) {
        return scaled(Duration.ofMillis(millis));
    }
}
