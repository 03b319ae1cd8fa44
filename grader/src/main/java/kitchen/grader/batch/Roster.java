package kitchen.grader.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * GitHub Classroom's roster, as its "Download" button exports it ({@code classroom_roster.csv}: columns
 * {@code identifier}, {@code github_username}, {@code github_id}, {@code name}): who each GitHub account is
 * on the course's own list. Usernames compare without case, as GitHub's do.
 */
public record Roster(Map<String, String> identifiers) {

    public static final Roster NONE = new Roster(Map.of());

    public Roster {
        identifiers = Map.copyOf(identifiers);
    }

    /**
     * @throws IllegalArgumentException if the file has no {@code identifier} and {@code github_username}
     *                                  columns
     */
    public static Roster read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(in);
            if (!records.getHeaderMap().containsKey("identifier")
                    || !records.getHeaderMap().containsKey("github_username")) {
                throw new IllegalArgumentException(csv + ": not a GitHub Classroom roster (it needs the columns "
                        + "identifier and github_username; it has " + records.getHeaderNames() + ")");
            }
            Map<String, String> ids = new LinkedHashMap<>();
            for (CSVRecord r : records) {
                String user = r.get("github_username");
                if (!user.isBlank()) {
                    ids.put(user.toLowerCase(Locale.ROOT), r.get("identifier"));
                }
            }
            return new Roster(ids);
        }
    }

    /** The roster's identifier of a GitHub account, or "" when it is not on the roster (or there is none). */
    public String identifierOf(String githubUsername) {
        return githubUsername.isBlank() ? ""
                : identifiers.getOrDefault(githubUsername.toLowerCase(Locale.ROOT), "");
    }
}
