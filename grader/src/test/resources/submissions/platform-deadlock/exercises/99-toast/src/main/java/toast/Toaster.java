package toast;

import java.util.concurrent.CountDownLatch;

public class Toaster {
    private final Object leftSlot = new Object();
    private final Object rightSlot = new Object();

    public String toast(String bread) {
        return "golden " + bread;
    }

    /** Two platform threads take the two slots in opposite order: the lecture's two-lock deadlock. */
    public int toastTwo(String a, String b) throws InterruptedException {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread one = Thread.ofPlatform().name("slice " + a).start(() -> take(leftSlot, rightSlot, bothHoldOne));
        Thread two = Thread.ofPlatform().name("slice " + b).start(() -> take(rightSlot, leftSlot, bothHoldOne));
        one.join();
        two.join();
        return 2;
    }

    private static void take(Object first, Object second, CountDownLatch bothHoldOne) {
        synchronized (first) {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                bothHoldOne.getCount();
            }
        }
    }
}
