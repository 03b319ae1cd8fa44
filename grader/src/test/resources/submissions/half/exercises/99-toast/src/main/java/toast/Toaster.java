package toast;

public class Toaster {
    public String toast(String bread) {
        return "burnt " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }
}
