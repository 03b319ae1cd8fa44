package toast;

import java.util.concurrent.CountDownLatch;
import kitchen.locks.KitchenLock;

public class Toaster {
    public String toast(String bread) {
        return "golden " + bread;
    }

    /** Two virtual threads take the two slots in opposite order: a deadlock ThreadMXBean cannot see. */
    public int toastTwo(String a, String b) throws InterruptedException {
        KitchenLock left = new KitchenLock("left slot");
        KitchenLock right = new KitchenLock("right slot");
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread one = Thread.ofVirtual().name("slice " + a).start(() -> take(left, right, bothHoldOne));
        Thread two = Thread.ofVirtual().name("slice " + b).start(() -> take(right, left, bothHoldOne));
        one.join();
        two.join();
        return 2;
    }

    private static void take(KitchenLock first, KitchenLock second, CountDownLatch bothHoldOne) {
        first.lock();
        try {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                return;
            }
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }
}
