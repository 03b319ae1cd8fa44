package kitchen.forks;

/** A meal went wrong: what {@link Seat#eat()} throws at a table made to fail ({@link Table#failingWith}). */
public final class Spilled extends RuntimeException {

    public Spilled(String what) {
        super(what);
    }
}
