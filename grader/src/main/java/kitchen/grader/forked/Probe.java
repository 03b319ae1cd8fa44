package kitchen.grader.forked;

import java.security.MessageDigest;

/** A fixed piece of work in a fresh JVM, timed by {@link Calibration} to learn how fast this machine is now. */
public final class Probe {

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        byte[] block = new byte[1 << 20];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 48; i++) {
            block[i] = (byte) i;
            sha.update(block);
        }
        System.out.println(sha.digest().length);
    }
}
