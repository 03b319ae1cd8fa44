package kitchen.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child's output so it can never block on a full pipe, keeping only the first bytes: a
 * submission that prints hundreds of megabytes costs the grader a little CPU, not memory or disk.
 */
final class CappedOutput implements Runnable {

    static final int KEEP_BYTES = 32 * 1024;

    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    CappedOutput(InputStream in) {
        this.in = in;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (this) {
                    int room = KEEP_BYTES - kept.size();
                    int keep = Math.max(0, Math.min(room, n));
                    kept.write(buffer, 0, keep);
                    dropped += n - keep;
                }
            }
        } catch (IOException e) {
            // The child was killed mid-write: what was read so far is what there is.
        }
    }

    synchronized String text() {
        String s = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? s : s + "\n… (" + dropped + " more bytes of output dropped)";
    }

    synchronized long totalBytes() {
        return kept.size() + dropped;
    }
}
