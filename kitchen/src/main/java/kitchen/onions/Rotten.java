package kitchen.onions;

import kitchen.grading.Lang;

/** A block that cannot be chopped: what a {@link ChoppingBoard} set up to fail on it throws. */
public final class Rotten extends RuntimeException {

    public Rotten(int block) {
        super(Lang.current().pick("onion " + block + " is rotten", "a cebola " + block + " está podre"));
    }
}
