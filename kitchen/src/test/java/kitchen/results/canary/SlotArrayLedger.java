package kitchen.results.canary;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lock-free, and wrong: an add claims a slot with an atomic and then fills it, so between the two the count
 * already says 42 while slot 41 is still empty. No field is read or written between the claim and the store:
 * only a pause before the array store shows it.
 */
class SlotArrayLedger implements Ledger {
    private final Object[] slots = new Object[64];
    private final AtomicInteger next = new AtomicInteger(41);

    SlotArrayLedger() {
        for (int i = 0; i < 41; i++) {
            slots[i] = "dish " + i;
        }
    }

    @Override
    public void add() {
        int slot = next.getAndIncrement();
        slots[slot] = "dish " + slot;
    }

    @Override
    public int[] look() {
        int counted = next.get();
        int dishes = 0;
        for (int i = 0; i < counted; i++) {
            if (slots[i] != null) {
                dishes++;
            }
        }
        return new int[] {dishes, counted};
    }
}
