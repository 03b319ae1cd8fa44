package kitchen.grader.batch;

/**
 * One of N equal parts of a class, for grading it on N machines at once ({@code batch --shard K/N}): the
 * students, sorted by folder name, are dealt round-robin, so each part gets the same mix of early and late
 * names and every student is in exactly one part. {@code merge} puts the parts' gradebooks back together.
 *
 * @param index which part, 1 to {@code count}
 * @param count how many parts
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);
    /** In a batch's --out folder: which part of how large a class it holds ({@code shard=K/N}, {@code students=S}). */
    public static final String FILE = "shard.properties";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, was " + index + "/" + count);
        }
    }

    /** Parses {@code K/N}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is K/N, e.g. 2/4; was " + text);
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is K/N, e.g. 2/4; was " + text);
        }
    }

    /** Whether the student at this position of the sorted class (0-based) is in this part. */
    public boolean holds(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
