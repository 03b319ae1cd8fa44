package kitchen.results.canary;

/**
 * A dish count and a mirror of it that must always agree, written several ways (some wrong). They live in
 * array slots, which no field watch sees: the only points of an add are its locks, its calls and its stores
 * into an array, so a torn add shows only when the replay pauses at one of those.
 */
interface Ledger {
    void add();

    /** {dishes, counted}, read at one instant. */
    int[] look();
}
