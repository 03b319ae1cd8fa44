package toast;

public class Toaster {
    public String roast(String bread) {
        return "golden " + bread;
    }
}
