package kitchen.grader.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an exercise's stub looks like, as one SHA-256 over its Java sources (their paths and their text,
 * line ends made Unix-like so a Windows checkout matches). Recorded in {@code exercise.properties}
 * ({@code stub.sha256}) because a student's clone holds no other copy of the stub: the grader tells an
 * untouched exercise from a started one by it, and spares the student its whole feedback.
 */
public final class StubFingerprint {

    private StubFingerprint() {
    }

    /** The fingerprint of the Java sources under {@code sources}, or "" when there are none. */
    public static String of(Path sources) {
        if (!Files.isDirectory(sources)) {
            return "";
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java")).filter(Files::isRegularFile)
                    .sorted().toList();
            if (files.isEmpty()) {
                return "";
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(sources.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
