package kitchen.stove;

import java.time.Duration;
import java.util.Objects;
import kitchen.grading.Lang;

/**
 * An egg waiting to be boiled.
 *
 * @param number   the egg's number, as printed in "Boiling eggs 3" and "Egg 3 done!"
 * @param boilTime how long it boils before it is done; for a cracked egg, how long until it cracks
 * @param cracked  true if the egg cracks in the pot instead of boiling: boiling it fails with a
 *                 {@link CrackedEggException}
 */
public record Egg(int number, Duration boilTime, boolean cracked) {

    public Egg {
        Objects.requireNonNull(boilTime, "boilTime");
        if (boilTime.isNegative()) {
            throw new IllegalArgumentException("egg " + number + " cannot boil for a negative time: " + boilTime);
        }
    }

    /** A sound egg that is done after {@code boilTime}. */
    public Egg(int number, Duration boilTime) {
        this(number, boilTime, false);
    }

    /** An egg that cracks {@code crackTime} after it starts boiling. */
    public static Egg crackingAfter(int number, Duration crackTime) {
        return new Egg(number, crackTime, true);
    }

    @Override
    public String toString() {
        return Lang.current().pick("egg ", "ovo ") + number + " (" + boilTime.toMillis() + " ms"
                + (cracked ? Lang.current().pick(", cracks", ", racha") : "") + ")";
    }
}
