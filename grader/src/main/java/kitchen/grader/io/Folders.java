package kitchen.grader.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The grader's one way to remove a folder tree (temp folders, a template being rewritten, a planted file). */
public final class Folders {

    private Folders() {
    }

    /** Deletes {@code dir} and everything under it; nothing if it does not exist. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The same for a temp folder: a leftover is not worth failing a grade over. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            delete(dir);
        } catch (IOException e) {
            // Left in the temp folder.
        }
    }
}
