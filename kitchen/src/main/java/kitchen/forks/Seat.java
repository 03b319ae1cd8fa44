package kitchen.forks;

import java.time.Duration;
import kitchen.grading.Lang;

/**
 * A philosopher's place at the {@link Table}: the fork on his left, the fork on his right, how long he is
 * ready to wait for the second one, his plate, and the only way he may wait between two tries.
 *
 * <p>Everything a philosopher does here is recorded (see {@link Table}): which forks he asked for and how
 * long he was ready to wait, which he was holding meanwhile, every back-off and every meal.
 */
public final class Seat {

    /** The longest a back-off really pauses: a longer one is recorded as asked, but cut to this. */
    public static final Duration MAX_BACK_OFF = Duration.ofMillis(200);

    private final Table table;
    private final Fork left;
    private final Fork right;

    Seat(Table table, Fork left, Fork right) {
        this.table = table;
        this.left = left;
        this.right = right;
    }

    /** The fork on your left: pick it up first. */
    public Fork left() {
        return left;
    }

    /** The fork on your right: pick it up second. */
    public Fork right() {
        return right;
    }

    /** How long to wait for your second fork before you give up and put the first one down. */
    public Duration patience() {
        return table.patience();
    }

    /**
     * Eats one meal, on the calling thread, which must hold both {@link #left()} and {@link #right()}.
     *
     * @throws IllegalStateException if the caller does not hold both forks (nothing is eaten)
     * @throws RuntimeException      whatever the table was made to fail with ({@link Spilled}, in the tests);
     *                               the forks are still in your hands then, and putting them down is your job
     */
    public void eat() {
        table.eat(this);
    }

    /**
     * Waits {@code pause} before you try again: the kitchen's only way to wait between two tries (it
     * records every back-off; {@code Thread.sleep} is not seen, and counts as no back-off at all). You
     * choose how long: a philosopher who always waits as long as his neighbours tries again just when they
     * do. A pause longer than {@link #MAX_BACK_OFF} is cut to it.
     *
     * @throws IllegalArgumentException if {@code pause} is negative
     * @throws InterruptedException     if the caller is interrupted while it waits
     */
    public void backOff(Duration pause) throws InterruptedException {
        table.backOff(pause);
    }

    @Override
    public String toString() {
        return Lang.current().pick("seat between ", "lugar entre ") + left.name() + Lang.current().pick(" and ", " e ")
                + right.name();
    }
}
