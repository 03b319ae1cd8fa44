package kitchen.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;

/**
 * What a grade depends on besides the student's code: every exercise's public and hidden tests and
 * properties, and the kitchen's sources. A gradebook row records it, so a rerun regrades a student whose
 * row was made with other tests, and keeps one made with these.
 */
final class KitFingerprint {

    private KitFingerprint() {
    }

    static String of(Kit kit) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> roots = new java.util.ArrayList<>();
            for (Exercise e : kit.exercises()) {
                roots.addAll(List.of(e.dir().resolve(Exercise.PROPERTIES), e.publicTests(), e.hiddenTests()));
            }
            roots.add(kit.root().resolve("kitchen/src/main"));
            for (Path root : roots) {
                if (!Files.exists(root)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String name = kit.root().relativize(f).toString().replace('\\', '/');
                        sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
