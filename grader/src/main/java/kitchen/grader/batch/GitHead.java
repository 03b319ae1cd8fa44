package kitchen.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The commit a clone was graded at, read with the {@code git} command when the clone is a repository. */
record GitHead(String hash, String time) {

    static Optional<GitHead> of(Path clone) {
        if (!Files.exists(clone.resolve(".git"))) {
            return Optional.empty();
        }
        try {
            Process git = new ProcessBuilder("git", "-C", clone.toString(), "log", "-1", "--format=%H %cI")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(20, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String[] parts = out.split(" ");
            if (git.exitValue() != 0 || parts.length != 2 || !parts[0].matches("[0-9a-f]{40}")) {
                return Optional.empty();
            }
            return Optional.of(new GitHead(parts[0], parts[1]));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
