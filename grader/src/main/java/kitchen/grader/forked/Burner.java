package kitchen.grader.forked;

/** Keeps one core busy for the given number of seconds: the load of a flake soak. */
public final class Burner {

    private Burner() {
    }

    public static void main(String[] args) {
        // Ends with the soak that started it, however the soak ended (Ctrl-C, kill -9): never an orphan.
        ProcessHandle.current().parent().ifPresent(soak -> soak.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        System.out.println(x == 42 ? "" : "done");
    }
}
