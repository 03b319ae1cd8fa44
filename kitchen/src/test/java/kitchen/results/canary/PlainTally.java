package kitchen.results.canary;

/** {@code count++} with nothing around it: the lost update the replay must always find. */
class PlainTally implements Tally {
    private int count = 41;

    @Override
    public void add() {
        count++;
    }

    @Override
    public int count() {
        return count;
    }
}
