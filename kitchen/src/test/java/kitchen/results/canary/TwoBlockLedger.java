package kitchen.results.canary;

/** Two synchronized blocks one after the other: between them the dish is on the board and not counted. */
class TwoBlockLedger implements Ledger {
    private final Object dishesLock = new Object();
    private final Object countLock = new Object();
    private final int[] dishes = {41};
    private final int[] counted = {41};

    @Override
    public void add() {
        synchronized (dishesLock) {
            dishes[0]++;
        }
        synchronized (countLock) {
            counted[0]++;
        }
    }

    @Override
    public int[] look() {
        synchronized (dishesLock) {
            synchronized (countLock) {
                return new int[] {dishes[0], counted[0]};
            }
        }
    }
}
