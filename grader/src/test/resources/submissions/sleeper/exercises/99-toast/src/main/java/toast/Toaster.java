package toast;

public class Toaster {
    public String toast(String bread) throws InterruptedException {
        Thread.sleep(10);
        return "golden " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }
}
