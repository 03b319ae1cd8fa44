package kitchen.stove;

import kitchen.grading.Lang;

/** Thrown by {@link Stove#boil} and {@link Pot#takeOff} when the egg cracked in the pot. */
public class CrackedEggException extends RuntimeException {

    private final transient Egg egg;

    public CrackedEggException(Egg egg) {
        super(Lang.current().pick("egg " + egg.number() + " cracked", "o ovo " + egg.number() + " rachou"));
        this.egg = egg;
    }

    /** The egg that cracked. */
    public Egg egg() {
        return egg;
    }
}
