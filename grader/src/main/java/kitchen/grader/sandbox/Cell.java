package kitchen.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JVM's cell: a leased cook and the folders lent to it. Close it when the JVM has ended: the cook's
 * last processes are ended, then the cook goes back to the pool.
 */
public final class Cell implements AutoCloseable {

    private final Sandbox sandbox;
    private final String cook;
    private final int uid;
    private final int gid;
    private final Path root;
    private final Path cwd;
    private final Path out;
    private final Sandbox.Lease lease;

    Cell(Sandbox sandbox, String cook, int uid, int gid, Path work, Sandbox.Lease lease) throws IOException {
        this.sandbox = sandbox;
        this.cook = cook;
        this.uid = uid;
        this.gid = gid;
        this.lease = lease;
        this.root = Files.createDirectories(work.resolve("cell-root"));
        this.cwd = cooksOwn(work.resolve("cwd"));
        this.out = cooksOwn(work.resolve("out"));
    }

    /** A folder only the cook may read and write. */
    private Path cooksOwn(Path dir) throws IOException {
        Files.createDirectories(dir);
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName(cook));
        Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
                .setGroup(users.lookupPrincipalByGroupName(cook));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    /** The cook's working folder: the JVM's current directory and home. */
    public Path cwd() {
        return cwd;
    }

    /** Where the JVM writes what the grader reads back (its results). */
    public Path out() {
        return out;
    }

    public String cook() {
        return cook;
    }

    /**
     * The command that runs {@code command} in this cell, lending it {@code readOnly} (files or folders,
     * at the same paths) besides its own folders and this JVM's JDK.
     */
    public List<String> wrap(List<String> command, List<Path> readOnly) {
        List<Path> lent = new ArrayList<>(readOnly);
        lent.add(Path.of(System.getProperty("java.home")));
        return Sandbox.arguments(this, command, lent);
    }

    /** The environment a cell's JVM gets on top of the scrubbed one: home and temp inside the cell. */
    public Map<String, String> environment() {
        return Map.of("HOME", cwd.toString(), "USER", cook, "LOGNAME", cook, "TMPDIR", "/tmp");
    }

    Sandbox sandbox() {
        return sandbox;
    }

    Path root() {
        return root;
    }

    int uid() {
        return uid;
    }

    int gid() {
        return gid;
    }

    /** Ends every process running as this cook, and waits until they are gone. */
    void endStrays() throws IOException {
        long until = System.nanoTime() + Sandbox.STRAYS.toNanos();
        while (true) {
            List<ProcessHandle> strays = ProcessHandle.allProcesses()
                    .filter(p -> p.info().user().filter(cook::equals).isPresent()).toList();
            if (strays.isEmpty()) {
                return;
            }
            strays.forEach(ProcessHandle::destroyForcibly);
            if (System.nanoTime() > until) {
                throw new IOException("processes of " + cook + " do not end: " + strays);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while ending the processes of " + cook, e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            endStrays();
        } finally {
            lease.close();
        }
    }
}
