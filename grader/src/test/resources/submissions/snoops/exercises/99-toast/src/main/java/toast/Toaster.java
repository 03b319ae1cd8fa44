package toast;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Correct toast, and a snoop: the first call tries every way out of the test JVM the grader's isolation
 * tests name, and prints one line per try, "SNOOP <what> GOT <evidence>" or "SNOOP <what> blocked: <why>".
 * The test that grades it writes the targets in (the @@…@@ tokens) before the grader compiles it.
 */
public class Toaster {

    static final String HIDDEN_SOURCE = "@@HIDDEN_SOURCE@@";
    static final String SOLUTION = "@@SOLUTION@@";
    static final String HOME_SECRET = "@@HOME_SECRET@@";
    static final int PORT = Integer.parseInt("@@PORT@@");
    static final String OTHER_ADDRESS = "@@OTHER_ADDRESS@@";
    /** On the daemon this leaves behind, so the test can look for it. */
    static final String DAEMON_MARK = "86417";

    private static boolean snooped;

    public String toast(String bread) {
        synchronized (Toaster.class) {
            if (!snooped) {
                snooped = true;
                snoop();
            }
        }
        return "golden " + bread;
    }

    public int toastTwo(String a, String b) {
        return 2;
    }

    static void snoop() {
        read("hidden-test-source", Path.of(HIDDEN_SOURCE));
        read("solution", Path.of(SOLUTION));
        read("home-secret", Path.of(HOME_SECRET));
        childRead("child-reads-tests", HIDDEN_SOURCE);
        childRead("child-reads-home", HOME_SECRET);
        findClassFile();
        resource("loader-resource", () -> Toaster.class.getClassLoader().getResource("toast/ToasterGradingTest.class"));
        resource("system-resource", () -> ClassLoader.getSystemResource("toast/ToasterGradingTest.class"));
        resource("loader-folder", () -> {
            List<URL> folders = Collections.list(Toaster.class.getClassLoader().getResources("toast"));
            for (URL folder : folders) {
                if (folder.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        List<Path> tests = files.filter(p -> p.toString().contains("GradingTest")).toList();
                        if (!tests.isEmpty()) {
                            return tests.getFirst().toUri().toURL();
                        }
                    }
                }
            }
            return null;
        });
        connect("connect-loopback", "127.0.0.1");
        if (!OTHER_ADDRESS.isEmpty()) {
            connect("connect-other", OTHER_ADDRESS);
        }
        rewrite("rewrite-tests", Path.of(HIDDEN_SOURCE));
        daemon();
        // Last: a JVM that refuses attaching still prints a thread dump for each of jcmd's knocks.
        attach();
    }

    /** Makes the hidden test fail for everyone after this. */
    static void rewrite(String what, Path file) {
        try {
            Files.writeString(file, "\n// rewritten by the snoop\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            report(what, "GOT write access to " + file);
        } catch (IOException | RuntimeException e) {
            report(what, "blocked: " + e);
        }
    }

    static void read(String what, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            report(what, "GOT " + text.length() + " chars: " + firstLine(text));
        } catch (IOException | RuntimeException e) {
            report(what, "blocked: " + e);
        }
    }

    /** The same file read by a child process (cat), as a program the student's code starts would. */
    static void childRead(String what, String file) {
        try {
            Process p = new ProcessBuilder("cat", file).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            report(what, p.exitValue() == 0 ? "GOT " + out.length() + " chars: " + firstLine(out)
                    : "blocked: " + firstLine(out.strip()));
        } catch (IOException | RuntimeException | InterruptedException e) {
            report(what, "blocked: " + e);
        }
    }

    /** Where the grader compiles the tests: somewhere in the temp folder. */
    static void findClassFile() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> walk = Files.walk(tmp, 8)) {
            Path found = walk.filter(p -> p.getFileName().toString().equals("ToasterGradingTest.class"))
                    .findFirst().orElse(null);
            if (found == null) {
                report("hidden-test-class", "blocked: not found under " + tmp);
            } else {
                report("hidden-test-class", "GOT " + Files.size(found) + " bytes at " + found);
            }
        } catch (IOException | RuntimeException e) {
            report("hidden-test-class", "blocked: " + e);
        }
    }

    interface Lookup {
        URL find() throws Exception;
    }

    static void resource(String what, Lookup lookup) {
        try {
            URL url = lookup.find();
            if (url == null) {
                report(what, "blocked: not found");
            } else {
                try (var in = url.openStream()) {
                    report(what, "GOT " + in.readAllBytes().length + " bytes from " + url);
                }
            }
        } catch (Exception e) {
            report(what, "blocked: " + e);
        }
    }

    static void connect(String what, String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, PORT), 2_000);
            socket.getOutputStream().write("snoop\n".getBytes(StandardCharsets.UTF_8));
            report(what, "GOT a connection to " + host + ":" + PORT);
        } catch (IOException | RuntimeException e) {
            report(what, "blocked: " + e);
        }
    }

    /** jcmd, from a child process, asks this JVM for its system properties (the class path among them). */
    static void attach() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(ProcessHandle.current().pid()),
                    "VM.system_properties").redirectErrorStream(true).start();
            if (!p.waitFor(4, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                report("attach", "blocked: no answer in 4 s");
                return;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            report("attach", out.contains("java.class.path") ? "GOT the JVM's properties"
                    : "blocked: " + firstLine(out.strip()));
        } catch (IOException | RuntimeException | InterruptedException e) {
            report("attach", "blocked: " + e);
        }
    }

    /** A double fork: the shell ends at once, its sleep is nobody's child. */
    static void daemon() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "(sleep " + DAEMON_MARK + " >/dev/null 2>&1 &)")
                    .redirectErrorStream(true).start();
            p.waitFor(10, TimeUnit.SECONDS);
            report("daemon", "started");
        } catch (IOException | RuntimeException | InterruptedException e) {
            report("daemon", "blocked: " + e);
        }
    }

    static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) : line;
    }

    static void report(String what, String outcome) {
        System.out.println("SNOOP " + what + " " + outcome);
        System.out.flush();
    }
}
