package kitchen.results.canary;

/** Both halves in one synchronized block: right. */
class OneBlockLedger implements Ledger {
    private final Object lock = new Object();
    private final int[] dishes = {41};
    private final int[] counted = {41};

    @Override
    public void add() {
        synchronized (lock) {
            dishes[0]++;
            counted[0]++;
        }
    }

    @Override
    public int[] look() {
        synchronized (lock) {
            return new int[] {dishes[0], counted[0]};
        }
    }
}
