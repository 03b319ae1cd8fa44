package kitchen.results.canary;

/**
 * A dish count and a mirror of it that must always agree, written several ways (some wrong). They live in
 * array slots, which the replay does not watch: the only points of an add are its locks and its calls, so
 * only a pause at a lock boundary can show a torn add.
 */
interface Ledger {
    void add();

    /** {dishes, counted}, read at one instant. */
    int[] look();
}
