package kitchen.results.canary;

/** Waits for a signal that never comes: the replay must end the take, not hang. */
class StuckTally implements Tally {
    private final Object bell = new Object();
    private int count = 41;

    @Override
    public void add() {
        synchronized (bell) {
            try {
                bell.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        count++;
    }

    @Override
    public int count() {
        return count;
    }
}
