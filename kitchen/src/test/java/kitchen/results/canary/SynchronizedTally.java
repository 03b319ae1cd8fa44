package kitchen.results.canary;

class SynchronizedTally implements Tally {
    private int count = 41;

    @Override
    public synchronized void add() {
        count++;
    }

    @Override
    public synchronized int count() {
        return count;
    }
}
