package kitchen.grader.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The instructor repository as committed: a release publishes git HEAD, never the working tree, so a
 * solution tried out in a stub (or any edit not yet committed) cannot reach the students by accident.
 * Exported with {@code git archive} into a temporary folder that {@link #close()} deletes.
 *
 * @param dir         the exported tree
 * @param commit      the commit it holds
 * @param uncommitted the working tree's changes that were left out (paths relative to the kit)
 */
public record CommittedKit(Path dir, String commit, List<String> uncommitted) implements AutoCloseable {

    /** Why a kit cannot be exported: not a git repository, or git failed. */
    public static final class NotCommitted extends Exception {
        NotCommitted(String message) {
            super(message);
        }
    }

    public static CommittedKit export(Path kitRoot) throws NotCommitted, IOException {
        String top = git(kitRoot, "rev-parse", "--show-toplevel").strip();
        if (!Path.of(top).toRealPath().equals(kitRoot.toRealPath())) {
            throw new NotCommitted(kitRoot + " is inside the git repository " + top + ", not its top folder");
        }
        String commit = git(kitRoot, "rev-parse", "HEAD").strip();
        List<String> uncommitted = new ArrayList<>();
        for (String line : git(kitRoot, "status", "--porcelain", "--untracked-files=all").split("\n")) {
            if (line.length() > 3) {
                uncommitted.add(line.substring(3).strip());
            }
        }
        Path dir = Files.createTempDirectory("kitchen-release-");
        Path zip = dir.resolve(".kit.zip");
        git(kitRoot, "archive", "--format=zip", "-o", zip.toString(), "HEAD");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("git archive produced a path outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        Files.delete(zip);
        return new CommittedKit(dir, commit, List.copyOf(uncommitted));
    }

    private static String git(Path dir, String... args) throws NotCommitted {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream stdout = git.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!git.waitFor(60, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new NotCommitted("git " + args[0] + " did not finish within 60 s");
            }
            if (git.exitValue() != 0) {
                throw new NotCommitted("git " + String.join(" ", args) + " failed: " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new NotCommitted("cannot run git (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotCommitted("interrupted while running git");
        }
    }

    @Override
    public void close() {
        // A leftover temp folder is not worth failing a release over.
        kitchen.grader.io.Folders.deleteQuietly(dir);
    }
}
