package toast;

public class Toaster {
    public String toast(String bread) throws InterruptedException {
        // Two threads initialise two classes that need each other: a deadlock no lock API reports.
        Thread one = new Thread(() -> Crust.touch());
        Thread two = new Thread(() -> Crumb.touch());
        one.start();
        two.start();
        one.join();
        two.join();
        return "golden " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }
}

class Crust {
    static final int SIZE;

    static {
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        SIZE = Crumb.SIZE + 1;
    }

    static int touch() {
        return SIZE;
    }
}

class Crumb {
    static final int SIZE;

    static {
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        SIZE = Crust.SIZE + 1;
    }

    static int touch() {
        return SIZE;
    }
}
