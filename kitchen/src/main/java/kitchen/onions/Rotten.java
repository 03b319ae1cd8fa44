package kitchen.onions;

/** A block that cannot be chopped: what a {@link ChoppingBoard} set up to fail on it throws. */
public final class Rotten extends RuntimeException {

    public Rotten(int block) {
        super("onion " + block + " is rotten");
    }
}
