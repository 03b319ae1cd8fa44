package kitchen.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import kitchen.grader.io.Folders;

/**
 * Keeps the grader's own files honest while student code runs. Student code runs with the grading
 * user's rights, so it can rewrite what the next exercise is judged with: the kit's tests (compiled
 * just before each exercise runs) or the classes on the grader's class path. The guard holds a copy of
 * every such file in memory, compares the disk with it whenever a student's JVM starts or ends, puts
 * back whatever changed, and names the exercises whose code was running when it changed. Content is
 * compared, not timestamps: a submission can set those back.
 *
 * <p>One guard per set of files for the whole grader JVM, so batch grading with several jobs shares it:
 * a change found while two exercises ran is charged to both (the report says so); graded one at a time,
 * it is charged to the culprit alone.
 */
final class KitGuard {

    private static final Map<List<Path>, KitGuard> GUARDS = new HashMap<>();

    /** A change found on disk, charged to an exercise that was running when it happened. */
    record Tampering(List<String> files, int othersRunning) {
    }

    private final List<Path> roots;
    private final Map<Path, byte[]> kept;
    private final Set<Object> running = new LinkedHashSet<>();
    private final Map<Object, Tampering> charged = new HashMap<>();

    private KitGuard(List<Path> roots) {
        this.roots = roots;
        this.kept = read(roots);
    }

    /** The guard of these files (folders are watched whole, files that do not exist are ignored). */
    static synchronized KitGuard of(List<Path> roots) {
        List<Path> key = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList();
        return GUARDS.computeIfAbsent(key, KitGuard::new);
    }

    /** Call before student code runs for {@code run}. */
    synchronized void enter(Object run) {
        inspect();
        running.add(run);
    }

    /** Call after student code for {@code run} ended: what it (or its neighbours) changed, if anything. */
    synchronized Tampering exit(Object run) {
        inspect();
        running.remove(run);
        return charged.remove(run);
    }

    private void inspect() {
        Map<Path, byte[]> now = read(roots);
        Set<Path> changed = new TreeSet<>();
        kept.forEach((path, bytes) -> {
            if (!Arrays.equals(bytes, now.get(path))) {
                changed.add(path);
            }
        });
        now.keySet().stream().filter(p -> !kept.containsKey(p)).forEach(changed::add);
        if (changed.isEmpty()) {
            return;
        }
        restore(changed);
        List<String> names = changed.stream().map(Path::toString).toList();
        for (Object run : running) {
            charged.merge(run, new Tampering(names, running.size() - 1), (a, b) -> {
                List<String> all = new ArrayList<>(a.files());
                all.addAll(b.files());
                return new Tampering(all.stream().distinct().toList(), Math.max(a.othersRunning(), b.othersRunning()));
            });
        }
    }

    private void restore(Set<Path> changed) {
        for (Path path : changed) {
            try {
                byte[] bytes = kept.get(path);
                if (bytes == null) {
                    // Added by the submission (a test class of its own, say): it has no business here.
                    Files.deleteIfExists(path);
                } else {
                    if (Files.isDirectory(path)) {
                        Folders.delete(path);
                    }
                    Files.createDirectories(path.getParent());
                    Files.write(path, bytes);
                }
            } catch (IOException e) {
                // A file the grader cannot put back stays changed; the tampering is still reported.
            }
        }
    }

    private static Map<Path, byte[]> read(List<Path> roots) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                readInto(files, root);
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(p -> readInto(files, p));
                } catch (IOException | UncheckedIOException e) {
                    // A folder that vanished mid-walk shows up as missing files.
                }
            }
        }
        return files;
    }

    private static void readInto(Map<Path, byte[]> files, Path file) {
        try {
            files.put(file.toAbsolutePath().normalize(), Files.readAllBytes(file));
        } catch (IOException e) {
            // Unreadable now (removed, or replaced by a folder): treated as missing, so it is put back.
        }
    }
}
