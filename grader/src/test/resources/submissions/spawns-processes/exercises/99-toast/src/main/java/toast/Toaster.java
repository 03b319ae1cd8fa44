package toast;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

public class Toaster {
    /** On every process this submission starts, so the grader's tests can look for survivors. */
    static final String MARK = "toaster-spawn-6c1f";

    /** A child: starts a grandchild of its own, then never ends. */
    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("child")) {
            spawn("grandchild");
        }
        new CountDownLatch(1).await();
    }

    public String toast(String bread) throws IOException {
        for (int i = 0; i < 3; i++) {
            spawn("child");
        }
        // And a spawner that never stops: child processes without bound until something ends this JVM.
        Thread.ofPlatform().daemon(false).start(() -> {
            while (true) {
                try {
                    spawn("child");
                } catch (IOException e) {
                    return;
                }
                LockSupport.parkNanos(50_000_000L);
            }
        });
        return "golden " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }

    static void spawn(String role) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        new ProcessBuilder(java, "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Toaster.class.getName(), MARK, role)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    }
}
