package kitchen.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kitchen.grader.Main;
import kitchen.grader.Trees;
import kitchen.grader.cli.CliTest;
import kitchen.grader.kit.Kit;
import kitchen.grader.release.ClassroomWorkflow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch grading of a folder of clones: one row per student whatever the clone holds, resumable. */
class BatchIT {

    static final Path FIXTURES = Path.of("src/test/resources").toAbsolutePath();
    static final Path KIT = FIXTURES.resolve("fixture-kit");

    @TempDir
    static Path classroom;

    /**
     * A class of five git clones — a good one, a half-right one, one that does not compile, a tamperer — and
     * an empty folder that is not a repository.
     */
    @BeforeAll
    static void cloneTheClass() throws Exception {
        Path subs = FIXTURES.resolve("submissions");
        Trees.copy(subs.resolve("good"), classroom.resolve("ana"));
        for (String id : List.of("98-jam", "99-toast")) {
            Trees.copy(KIT.resolve("exercises/" + id + "/src/test"), classroom.resolve("ana/exercises/" + id + "/src/test"));
        }
        Files.createDirectories(classroom.resolve("ana/.github/workflows"));
        Files.writeString(classroom.resolve("ana/.github/workflows/classroom.yml"),
                ClassroomWorkflow.render());
        git(classroom.resolve("ana"), "init", "-q");
        git(classroom.resolve("ana"), "-c", "user.name=Ana", "-c", "user.email=ana@example.org", "add", ".");
        git(classroom.resolve("ana"), "-c", "user.name=Ana", "-c", "user.email=ana@example.org", "commit", "-q", "-m", "done");
        Trees.copy(subs.resolve("half"), classroom.resolve("bruno"));
        Trees.copy(subs.resolve("compile-error"), classroom.resolve("carla"));
        Files.createDirectories(classroom.resolve("davi"));
        Trees.copy(subs.resolve("good"), classroom.resolve("eva"));
        Files.createDirectories(classroom.resolve("eva/exercises/99-toast/src/test/java/toast"));
        Files.writeString(classroom.resolve("eva/exercises/99-toast/src/test/java/toast/ToasterTest.java"),
                "package toast; class ToasterTest {}");
        for (String student : List.of("bruno", "carla", "eva")) {
            commit(classroom.resolve(student), "first try");
        }
    }

    static void commit(Path clone, String message) throws Exception {
        if (!Files.exists(clone.resolve(".git"))) {
            git(clone, "init", "-q");
        }
        git(clone, "-c", "user.name=Student", "-c", "user.email=student@example.org", "add", ".");
        git(clone, "-c", "user.name=Student", "-c", "user.email=student@example.org", "commit", "-q", "-m", message);
    }

    static Map<String, CSVRecord> gradebook(Path out) throws IOException {
        try (Reader in = Files.newBufferedReader(out.resolve("gradebook.csv"), StandardCharsets.UTF_8)) {
            Map<String, CSVRecord> rows = new TreeMap<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.put(r.get("student"), r);
            }
            return rows;
        }
    }

    static CliTest.Run batch(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("batch", classroom.toString(), "--kit", KIT.toString(),
                "--out", out.toString(), "--lang", "en"));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("every student gets one row and one feedback file; broken clones get a status, not a stopped batch")
    void gradesEveryone(@TempDir Path out) throws IOException {
        CliTest.Run r = batch(out);
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("Grading", "Graded 5 of 5 students");

        Map<String, CSVRecord> rows = gradebook(out);
        assertThat(rows).containsOnlyKeys("ana", "bruno", "carla", "davi", "eva");
        assertThat(rows.get("ana").get("99-toast")).isEqualTo("10");
        assertThat(rows.get("ana").get("98-jam")).isEqualTo("5");
        assertThat(rows.get("ana").get("total")).isEqualTo("15");
        assertThat(rows.get("ana").get("status")).isEqualTo("graded");
        assertThat(rows.get("ana").get("commit")).matches("[0-9a-f]{40}");
        assertThat(rows.get("ana").get("commit_time")).endsWith("Z");
        assertThat(rows.get("ana").get("graded_at")).endsWith("Z");
        assertThat(rows.get("ana").get("kit")).matches("[0-9a-f]{12}");
        assertThat(rows.get("ana").get("99-toast:status")).isEqualTo("graded");
        assertThat(rows.get("ana").get("tampered")).isEmpty();
        assertThat(rows.get("bruno").get("total")).isEqualTo("9");
        assertThat(rows.get("bruno").get("status")).isEqualTo("graded");
        assertThat(rows.get("davi").get("commit")).isEmpty();
        assertThat(rows.get("carla").get("total")).isEqualTo("0");
        assertThat(rows.get("carla").get("status")).isEqualTo("problems");
        assertThat(rows.get("carla").get("99-toast:status")).isEqualTo("compile-error");
        assertThat(rows.get("davi").get("total")).isEqualTo("0");
        assertThat(rows.get("davi").get("status")).isEqualTo("no-exercises");
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.get("status")).isIn(Gradebook.STATUSES));
        assertThat(rows.get("eva").get("total")).isEqualTo("15");
        assertThat(rows.get("eva").get("tampered")).contains("tests of 99-toast", "workflow");

        try (Stream<Path> feedback = Files.list(out.resolve("feedback"))) {
            assertThat(feedback.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("ana.md", "bruno.md", "carla.md", "davi.md", "eva.md",
                            "ana.html", "bruno.html", "carla.html", "davi.html", "eva.html");
        }
        // The same feedback as a page, with the same numbers.
        assertThat(out.resolve("feedback/bruno.html")).content().contains("<title>Concurrency Kitchen — 9 / 15</title>")
                .contains("bruno — 9 / 15 · commit ").contains("toast is golden");
        assertThat(out.resolve("feedback/bruno.md")).content().contains("toast is golden", "burnt bread")
                .startsWith("**bruno** — 9 / 15 · commit `");
        assertThat(out.resolve("feedback/davi.md")).content().startsWith("**davi** — 0 / 15 · not a git repository · graded ");
        assertThat(out.resolve("feedback/ana.md")).content().startsWith("**ana** — 15 / 15 · commit `");
        assertThat(r.out()).contains("  ana: grading …", "  ana: 15/15 graded   [").doesNotContain("\r");
    }

    @Test
    @DisplayName("a rerun keeps a git clone graded at the same commit (a folder without git is graded again); --force grades everyone")
    void resumes(@TempDir Path out) throws IOException {
        assertThat(batch(out).code()).isEqualTo(Main.OK);
        CliTest.Run again = batch(out);
        assertThat(again.out()).contains("Graded 1 of 5 students (4 kept from the gradebook",
                "davi: grading (not a git repository");
        assertThat(gradebook(out)).hasSize(5);
        CliTest.Run forced = batch(out, "--force");
        assertThat(forced.out()).contains("Graded 5 of 5 students");
        assertThat(gradebook(out)).hasSize(5);
    }

    @Test
    @DisplayName("a row torn by a killed run is dropped and that student graded again")
    void tornRow(@TempDir Path out) throws IOException {
        assertThat(batch(out).code()).isEqualTo(Main.OK);
        List<String> lines = Files.readAllLines(out.resolve("gradebook.csv"));
        String torn = lines.getLast().substring(0, lines.getLast().indexOf(',', lines.getLast().indexOf(',') + 1));
        Files.write(out.resolve("gradebook.csv"), Stream.concat(lines.subList(0, lines.size() - 1).stream(),
                Stream.of(torn)).toList());
        CliTest.Run again = batch(out);
        // The torn row (eva) and the folder without git; the git clones at the same commit are kept.
        assertThat(again.out()).contains("Graded 2 of 5 students", "eva: grading …");
        assertThat(gradebook(out)).hasSize(5);
    }

    @Test
    @DisplayName("a class graded in two shards and merged has every student once, named as in one run")
    void shardsMerge(@TempDir Path dir) throws Exception {
        Path cls = Files.createDirectories(dir.resolve("class"));
        for (String name : List.of("kitchen-2026-ana", "kitchen-2026-bia", "kitchen-2026-caio")) {
            Trees.copy(classroom.resolve("ana"), cls.resolve(name));
        }
        for (int k = 1; k <= 2; k++) {
            CliTest.Run part = CliTest.run("batch", cls.toString(), "--kit", KIT.toString(), "--out",
                    dir.resolve("part" + k).toString(), "--lang", "en", "--shard", k + "/2");
            assertThat(part.code()).as(part.out()).isEqualTo(Main.OK);
            assertThat(part.out()).contains("part " + k + "/2 of the class's 3");
        }
        assertThat(gradebook(dir.resolve("part1")).keySet()).containsExactlyInAnyOrder("kitchen-2026-ana",
                "kitchen-2026-caio");
        assertThat(gradebook(dir.resolve("part2")).keySet()).containsExactly("kitchen-2026-bia");

        CliTest.Run merged = CliTest.run("merge", dir.resolve("part1").toString(), dir.resolve("part2").toString(),
                "--kit", KIT.toString(), "--out", dir.resolve("all").toString());
        assertThat(merged.code()).as(merged.out()).isEqualTo(Main.OK);
        assertThat(merged.out()).contains("Merged 2 parts: 3 students");
        Map<String, CSVRecord> rows = gradebook(dir.resolve("all"));
        assertThat(rows.keySet()).containsExactlyInAnyOrder("kitchen-2026-ana", "kitchen-2026-bia", "kitchen-2026-caio");
        assertThat(rows.get("kitchen-2026-bia").get("github_username")).as("the whole class's prefix").isEqualTo("bia");
        assertThat(rows.values()).allSatisfy(r -> assertThat(r.get("total")).isEqualTo("15"));
        try (Stream<Path> feedback = Files.list(dir.resolve("all/feedback"))) {
            assertThat(feedback).as("a .md and a .html per student").hasSize(6);
        }

        CliTest.Run whole = CliTest.run("batch", cls.toString(), "--kit", KIT.toString(), "--out",
                dir.resolve("whole").toString(), "--lang", "en");
        assertThat(whole.code()).as(whole.out()).isEqualTo(Main.OK);
        Map<String, CSVRecord> one = gradebook(dir.resolve("whole"));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(one.keySet());
        rows.forEach((student, row) -> {
            Map<String, String> fromParts = new java.util.HashMap<>(row.toMap());
            Map<String, String> single = new java.util.HashMap<>(one.get(student).toMap());
            fromParts.remove("graded_at");
            single.remove("graded_at");
            assertThat(fromParts).as("%s: merged shards vs one run, timestamps aside", student).isEqualTo(single);
        });

        CliTest.Run half = CliTest.run("merge", dir.resolve("part1").toString(), "--kit", KIT.toString(), "--out",
                dir.resolve("half").toString());
        assertThat(half.code()).isEqualTo(2);
        assertThat(half.err()).contains("part 2/2 of the class is missing");
        assertThat(CliTest.run("merge", cls.toString(), "--kit", KIT.toString(), "--out", dir.resolve("x").toString())
                .code()).as("a folder that is no batch output").isEqualTo(2);
        assertThat(CliTest.run("batch", cls.toString(), "--kit", KIT.toString(), "--out", dir.resolve("y").toString(),
                "--shard", "3/2").code()).as("a shard past the last").isEqualTo(2);
    }

    @Test
    @DisplayName("a rerun regrades exactly the clone that has a new commit, says why, and records the new commit")
    void followsNewCommits(@TempDir Path dir) throws Exception {
        Path cls = Files.createDirectories(dir.resolve("class"));
        for (String name : List.of("kitchen-2026-ana", "kitchen-2026-bia")) {
            Trees.copy(classroom.resolve("ana"), cls.resolve(name));
        }
        Path out = dir.resolve("grades");
        // GitHub Classroom's roster export: bia is on it (her account in another case), ana is not.
        Path roster = Files.writeString(dir.resolve("classroom_roster.csv"), """
                "identifier","github_username","github_id","name"
                "2026-017 Beatriz Souza","Bia","41","Beatriz Souza"
                "2026-018 Caio Lima","","",""
                """);
        List<String> args = List.of("batch", cls.toString(), "--kit", KIT.toString(), "--out", out.toString(), "--lang", "en",
                "--roster", roster.toString());
        assertThat(CliTest.run(args.toArray(String[]::new)).code()).isEqualTo(Main.OK);
        assertThat(gradebook(out).get("kitchen-2026-bia").get("github_username")).isEqualTo("bia");
        assertThat(gradebook(out).get("kitchen-2026-bia").get("roster_identifier")).isEqualTo("2026-017 Beatriz Souza");
        assertThat(gradebook(out).get("kitchen-2026-ana").get("roster_identifier")).isEmpty();

        Path bia = cls.resolve("kitchen-2026-bia");
        Files.writeString(bia.resolve("NOTES.md"), "second try\n");
        commit(bia, "second try");
        String head = GitHead.of(bia).orElseThrow().hash();

        CliTest.Run again = CliTest.run(args.toArray(String[]::new));
        assertThat(again.out()).contains("Graded 1 of 2 students", "kitchen-2026-bia: grading (new commit " + head.substring(0, 7))
                .doesNotContain("kitchen-2026-ana: grading");
        assertThat(gradebook(out).get("kitchen-2026-bia").get("commit")).isEqualTo(head);
        assertThat(gradebook(out)).hasSize(2);
    }

    @Test
    @DisplayName("--jobs 2 gives the same verdicts as one student at a time")
    void jobsAgree(@TempDir Path one, @TempDir Path two) throws IOException {
        assertThat(batch(one, "--jobs", "1").code()).isEqualTo(Main.OK);
        assertThat(batch(two, "--jobs", "2").code()).isEqualTo(Main.OK);
        Map<String, CSVRecord> a = gradebook(one);
        Map<String, CSVRecord> b = gradebook(two);
        for (String student : a.keySet()) {
            assertThat(b.get(student).get("total")).as(student).isEqualTo(a.get(student).get("total"));
            assertThat(b.get(student).get("status")).as(student).isEqualTo(a.get(student).get("status"));
        }
    }

    @Test
    @DisplayName("bad arguments: a missing folder, --jobs 0, no --out")
    void badArguments(@TempDir Path out) {
        assertThat(CliTest.run("batch", out.resolve("nope").toString(), "--out", out.toString(), "--kit", KIT.toString())
                .err()).contains("no such folder");
        assertThat(batch(out, "--jobs", "0").code()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("batch", classroom.toString()).code()).isEqualTo(Main.USAGE);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
