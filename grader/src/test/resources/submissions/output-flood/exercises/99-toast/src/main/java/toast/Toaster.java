package toast;

public class Toaster {
    public String toast(String bread) {
        String line = "crumbs ".repeat(100);
        for (int i = 0; i < 400_000; i++) {
            System.out.println(line);
        }
        return "golden " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }
}
