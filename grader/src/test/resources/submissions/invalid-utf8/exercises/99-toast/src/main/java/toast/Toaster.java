package toast;

// café crème (Latin-1 bytes, not UTF-8)
public class Toaster {
    public String toast(String bread) {
        return "golden " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }
}
