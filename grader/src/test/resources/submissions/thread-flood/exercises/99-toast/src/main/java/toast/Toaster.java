package toast;

import java.util.concurrent.locks.LockSupport;

public class Toaster {
    public String toast(String bread) {
        // Thousands of non-daemon threads that never end: they must not keep the test JVM alive.
        for (int i = 0; i < 3000; i++) {
            Thread.ofPlatform().daemon(false).start(() -> {
                while (true) {
                    LockSupport.park();
                }
            });
        }
        return "golden " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }
}
