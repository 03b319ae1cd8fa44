package kitchen.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import kitchen.grader.io.Folders;

/**
 * Cells for student code, on a machine that allows them: Linux, the grader running as root (a GitHub-hosted
 * runner through {@code sudo}, a container, a CI machine), and util-linux's {@code unshare} and
 * {@code setpriv}, coreutils' {@code chroot} and {@code env}, iproute2's {@code ip} (every Debian and Ubuntu
 * has them). Each exercise's JVM runs in a cell of its own (see {@code cell.sh}):
 *
 * <ul>
 * <li>as a cook, {@code kitchen-cook-N}: an unprivileged system user the grader creates on first use, one
 * per JVM running at once, so two cells never share a user;</li>
 * <li>in new mount, PID, network, IPC and UTS namespaces: a root of its own with the system's programs
 * read-only and only the paths the grader lends it (the class path, the student's compiled code, its
 * working folder); no network but loopback; when the JVM ends, every process left in the cell is killed
 * by the kernel, double-forked daemons included;</li>
 * <li>and the grader ends any process still running as that cook before it lends the cook out again.</li>
 * </ul>
 *
 * Everywhere else grading works as before, and {@link #probe()} says why it is not isolated.
 */
public final class Sandbox {

    static final String COOK = "kitchen-cook-";
    /** Cells open at once, across every grader on the machine: far more than two cores ever need. */
    static final int COOKS = 16;
    private static final String[] TOOLS = {"unshare", "setpriv", "chroot", "env", "ip", "mount", "useradd", "id"};

    private static Isolation probed;
    private static Sandbox instance;

    private final Path script;
    private final Path locks;
    private final Map<String, int[]> ids = new HashMap<>();

    private Sandbox(Path script, Path locks) {
        this.script = script;
        this.locks = locks;
    }

    /** What this machine allows, found once per grader JVM by opening a cell and running {@code true} in it. */
    public static synchronized Isolation probe() {
        if (probed == null) {
            probed = tryOpen();
        }
        return probed;
    }

    /** The sandbox, where {@link #probe()} found one. */
    public static synchronized Optional<Sandbox> available() {
        return probe().sandboxed() ? Optional.of(instance) : Optional.empty();
    }

    private static Isolation tryOpen() {
        if (!System.getProperty("os.name", "").equals("Linux")) {
            return Isolation.none("cells need Linux; run the grader in a Linux container to isolate student code");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Isolation.none("cells need root: run the grader with sudo, or in a container, to isolate "
                    + "student code");
        }
        for (String tool : TOOLS) {
            if (which(tool).isEmpty()) {
                return Isolation.none("cells need " + tool + ", not found on PATH");
            }
        }
        try {
            Path script = Files.createTempFile("kitchen-cell-", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            script.toFile().deleteOnExit();
            try (InputStream in = Sandbox.class.getResourceAsStream("cell.sh")) {
                Files.write(script, in.readAllBytes());
            }
            Path locks = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "kitchen-cooks"));
            Sandbox sandbox = new Sandbox(script, locks);
            Path work = Files.createTempDirectory("kitchen-probe-");
            try (Cell cell = sandbox.open(work)) {
                ProcessBuilder builder = new ProcessBuilder(cell.wrap(List.of("true"), List.of()))
                        .redirectErrorStream(true);
                Process p = builder.start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    return Isolation.none("a cell could not be opened here: " + lastLine(output));
                }
            } finally {
                Folders.deleteQuietly(work);
            }
            instance = sandbox;
            return Isolation.sandbox();
        } catch (IOException | RuntimeException e) {
            return Isolation.none("a cell could not be opened here: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Isolation.none("interrupted while opening a cell");
        }
    }

    /**
     * Opens a cell for one JVM: leases a cook no other cell uses now, on this machine, and makes
     * {@code work/cwd} (its working folder) and {@code work/out} (where its results go) the cook's.
     */
    public Cell open(Path work) throws IOException {
        for (int n = 0; n < COOKS; n++) {
            Lease lease = Lease.take(locks.resolve(COOK + n + ".lock"));
            if (lease != null) {
                try {
                    String name = COOK + n;
                    int[] uidGid = cook(name);
                    Cell cell = new Cell(this, name, uidGid[0], uidGid[1], work, lease);
                    cell.endStrays();
                    return cell;
                } catch (IOException | RuntimeException e) {
                    lease.close();
                    throw e;
                }
            }
        }
        throw new IOException("all " + COOKS + " cooks are busy: too many gradings at once on this machine");
    }

    Path script() {
        return script;
    }

    /** The cook's user and group ids; the user is created the first time (a system user, no home, no login). */
    private synchronized int[] cook(String name) throws IOException {
        int[] known = ids.get(name);
        if (known != null) {
            return known;
        }
        if (run("id", "-u", name).isEmpty()) {
            // Two graders may race to create it: the loser's useradd fails, and the user exists either way.
            run("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell",
                    "/usr/sbin/nologin", "--user-group", name);
        }
        Optional<String> uid = run("id", "-u", name);
        Optional<String> gid = run("id", "-g", name);
        if (uid.isEmpty() || gid.isEmpty()) {
            throw new IOException("could not create the user " + name);
        }
        int[] made = {Integer.parseInt(uid.get()), Integer.parseInt(gid.get())};
        ids.put(name, made);
        return made;
    }

    /** A command's standard output when it succeeds. */
    static Optional<String> run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Path> which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "exit status not 0"
                : lines[lines.length - 1];
    }

    /**
     * One cook's lease: a lock on a file, held by this JVM until the cell closes. Locks on a file belong to
     * the process, and closing any channel this process has open on the file drops them all (POSIX), so a
     * cook this JVM already holds is never opened a second time: trying it and closing the channel would
     * free the cook for another grader on the machine, whose stray sweep would then end this one's JVM.
     */
    static final class Lease implements AutoCloseable {
        private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private Lease(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        /** The lease, or null while another cell of this JVM or another process holds the cook. */
        static Lease take(Path file) throws IOException {
            Path key = file.toAbsolutePath().normalize();
            if (!HELD.add(key)) {
                return null;
            }
            try {
                FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                if (lock != null) {
                    return new Lease(key, channel, lock);
                }
                // Another process holds it; this process held no lock on the file, so closing loses nothing.
                channel.close();
                HELD.remove(key);
                return null;
            } catch (IOException | RuntimeException e) {
                HELD.remove(key);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                lock.release();
            } finally {
                HELD.remove(file);
            }
        }
    }

    /** How long the grader waits for a cook's last processes to die before giving up on the cook. */
    static final Duration STRAYS = Duration.ofSeconds(10);

    /** Paths a cell lends: what its JVM reads, given to {@link Cell#wrap}. */
    static List<String> arguments(Cell cell, List<String> command, List<Path> readOnly) {
        List<String> args = new ArrayList<>(List.of("unshare", "--fork", "--pid", "--mount", "--net", "--ipc",
                "--uts", "--kill-child", "--", "/bin/sh", cell.sandbox().script().toString(),
                cell.root().toString(), String.valueOf(cell.uid()), String.valueOf(cell.gid()),
                cell.cwd().toString(), "--ro"));
        readOnly.forEach(p -> args.add(p.toAbsolutePath().normalize().toString()));
        args.add("--rw");
        args.add(cell.cwd().toString());
        args.add(cell.out().toString());
        args.add("--");
        args.addAll(command);
        return args;
    }
}
