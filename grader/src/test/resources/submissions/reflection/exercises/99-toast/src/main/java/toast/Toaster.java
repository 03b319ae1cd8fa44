package toast;

import java.lang.reflect.Field;

public class Toaster {
    public String toast(String bread) throws ReflectiveOperationException {
        Field f = String.class.getDeclaredField("value");
        f.setAccessible(true);
        return "golden " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }
}
