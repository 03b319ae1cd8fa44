package kitchen.results;

/**
 * Two steps that run at the same time on something shared, for {@link SlowMotion} to replay: in each take
 * one step is paused just before one of its reads or writes of shared memory while the other step runs.
 *
 * <p>The replay runs the scene in a JVM of its own, so an implementation needs a constructor without
 * arguments and must not depend on anything the test set up in its own JVM. The fields of the object
 * {@link #setUp()} returns name the shared things in the story ({@code board.count},
 * {@code board.dishes.size}), so make it a small holder with well-named fields.
 *
 * @param <S> what both steps share, e.g. a holder of an order board
 */
public interface Scene<S> {

    /** Who runs {@link #first}, as the story calls them (e.g. "cook A"). */
    String firstName();

    /** Who runs {@link #second}, as the story calls them (e.g. "cook B"). */
    String secondName();

    /** A fresh shared state for one take. Runs before either step, on another thread than theirs. */
    S setUp();

    /** The first step, e.g. adding one dish. */
    void first(S shared) throws Exception;

    /** The second step, e.g. adding another dish, or reading a snapshot. */
    void second(S shared) throws Exception;

    /**
     * What went wrong in this take, in the language of {@link kitchen.grading.Lang#current()}, or
     * {@code null} if nothing did. Called once both steps have ended.
     *
     * @param firstFailure  what {@link #first} threw, or null
     * @param secondFailure what {@link #second} threw, or null
     */
    String verdict(S shared, Throwable firstFailure, Throwable secondFailure);
}
