package kitchen.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import kitchen.grader.release.ClassroomWorkflow;

/**
 * Tells which parts of a student's clone that students should not edit differ from the template, by
 * content hash: the public tests, the kitchen, the grader, the Classroom workflow. A difference does not
 * change the grade (the instructor's copies are always used); it is flagged for a human to look at.
 */
final class Tampering {

    private final Kit kit;
    private final Map<String, Map<String, String>> expected = new TreeMap<>();

    Tampering(Kit kit) {
        this.kit = kit;
        for (String area : areas()) {
            expected.put(area, hashes(kit.root(), area));
        }
    }

    private List<String> areas() {
        // The kitchen's and the grader's main sources only: the template ships neither's tests, so a clone
        // that lacks them is as released.
        List<String> areas = new ArrayList<>(List.of("kitchen/src/main", "grader/src/main", "grader/pom.xml"));
        for (Exercise e : kit.exercises()) {
            areas.add("exercises/" + e.id() + "/src/test");
        }
        return areas;
    }

    /** The areas that differ, e.g. ["tests of 02-boil-eggs", "grader", "workflow"]; empty if none. */
    List<String> check(Path clone) {
        List<String> differs = new ArrayList<>();
        for (var area : expected.entrySet()) {
            if (!hashes(clone, area.getKey()).equals(area.getValue())) {
                differs.add(label(area.getKey()));
            }
        }
        Path workflow = clone.resolve(".github/workflows/classroom.yml");
        String expectedWorkflow = ClassroomWorkflow.render();
        try {
            if (!Files.isRegularFile(workflow)
                    || !normalise(Files.readString(workflow, StandardCharsets.UTF_8)).equals(expectedWorkflow)) {
                differs.add("workflow");
            }
        } catch (IOException | UncheckedIOException e) {
            differs.add("workflow");
        }
        return List.copyOf(new java.util.LinkedHashSet<>(differs));
    }

    private static String label(String area) {
        if (area.startsWith("exercises/")) {
            return "tests of " + area.split("/")[1];
        }
        return area.startsWith("grader") ? "grader" : "kitchen";
    }

    /** Relative path → SHA-256 of the content with line endings normalised (a Windows checkout is no tampering). */
    private static Map<String, String> hashes(Path root, String area) {
        Map<String, String> hashes = new TreeMap<>();
        Path start = root.resolve(area);
        if (!Files.exists(start)) {
            return hashes;
        }
        try (Stream<Path> walk = Files.walk(start)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.contains("/target/")) {
                    continue;
                }
                byte[] bytes = normalise(Files.readString(p, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1);
                hashes.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n");
    }
}
