package kitchen.results.canary;

/** A counter, written several ways (some wrong), for the replay to judge. */
interface Tally {
    void add();

    int count();
}
