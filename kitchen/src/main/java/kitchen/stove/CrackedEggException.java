package kitchen.stove;

/** Thrown by {@link Stove#boil} and {@link Pot#takeOff} when the egg cracked in the pot. */
public class CrackedEggException extends RuntimeException {

    private final transient Egg egg;

    public CrackedEggException(Egg egg) {
        super("egg " + egg.number() + " cracked");
        this.egg = egg;
    }

    /** The egg that cracked. */
    public Egg egg() {
        return egg;
    }
}
