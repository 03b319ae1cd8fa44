package kitchen.results.canary;

/** {@code volatile} makes each read and write visible, not the read-add-write indivisible. */
class VolatileTally implements Tally {
    private volatile int count = 41;

    @Override
    public void add() {
        count++;
    }

    @Override
    public int count() {
        return count;
    }
}
