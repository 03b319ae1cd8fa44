package kitchen.grading;

/**
 * What a stub throws where the student's code goes, in the student's language ({@link Lang#current()}):
 *
 * <pre>{@code
 * public void transfer(Account from, Account to, long amount) {
 *     throw Todo.task(1, "Teller.transfer");
 * }
 * }</pre>
 *
 * gives "Task 1: write Teller.transfer (see the exercise's README)", or in Brazilian Portuguese
 * "Tarefa 1: escreva Teller.transfer (veja o README do exercício)".
 */
public final class Todo {

    private Todo() {
    }

    /** The exception to throw until task {@code task} is done; {@code what} names the code to write. */
    public static UnsupportedOperationException task(int task, String what) {
        return new UnsupportedOperationException(Lang.current().pick(
                "Task " + task + ": write " + what + " (see the exercise's README)",
                "Tarefa " + task + ": escreva " + what + " (veja o README do exercício)"));
    }
}
