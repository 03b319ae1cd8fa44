package toast;

import java.util.ArrayList;
import java.util.List;

public class Toaster {
    public String toast(String bread) {
        List<long[]> crumbs = new ArrayList<>();
        while (true) {
            crumbs.add(new long[1 << 20]);
        }
    }

    public int toastTwo(String a, String b) {
        return 2;
    }
}
