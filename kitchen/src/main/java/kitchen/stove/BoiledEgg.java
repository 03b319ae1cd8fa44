package kitchen.stove;

import kitchen.grading.Lang;

/**
 * An egg that came off the {@link Stove} done. Only a stove makes them, so holding one proves the egg
 * really boiled.
 */
public final class BoiledEgg {

    private final Egg egg;

    BoiledEgg(Egg egg) {
        this.egg = egg;
    }

    /** The egg that was boiled. */
    public Egg egg() {
        return egg;
    }

    /** The egg's number. */
    public int number() {
        return egg.number();
    }

    @Override
    public String toString() {
        return Lang.current().pick("boiled egg ", "ovo cozido ") + egg.number();
    }
}
