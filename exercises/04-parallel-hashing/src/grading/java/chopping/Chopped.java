package chopping;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import kitchen.grading.Feedback;
import kitchen.grading.Lang;
import kitchen.grading.TimeScale;
import kitchen.onions.ChoppingBoard;
import kitchen.onions.Rotten;
import kitchen.trace.Timeline;

/**
 * One bounded call of the student's {@link Chefs#hashAll} on a board the test set up, and the
 * precondition every graded test checks first: each block chopped once on the board, each digest right,
 * in input order.
 */
final class Chopped {

    /** However the student's code hangs, one call costs at most this much. */
    static final Duration CALL_LIMIT = TimeScale.millis(30_000);

    final ChoppingBoard board;
    final List<byte[]> blocks;
    final List<String> digests;
    final Throwable thrown;
    final boolean timedOut;

    private Chopped(ChoppingBoard board, List<byte[]> blocks, List<String> digests, Throwable thrown,
            boolean timedOut) {
        this.board = board;
        this.blocks = blocks;
        this.digests = digests;
        this.thrown = thrown;
        this.timedOut = timedOut;
    }

    /** What a bounded piece of work did: its value, what it threw, or that it ran out of time. */
    record Outcome<T>(T value, Throwable thrown, boolean timedOut) {
    }

    /** Calls {@code hashAll} once, on a fresh daemon thread, so a hang fails this test and not the JVM. */
    static Chopped by(ChoppingBoard board, List<byte[]> blocks) {
        List<byte[]> given = List.copyOf(blocks);
        Outcome<List<String>> outcome = bounded(() -> Chefs.hashAll(board, given));
        return new Chopped(board, given, outcome.value(), outcome.thrown(), outcome.timedOut());
    }

    /**
     * Calls {@code hashAll} {@code times} times in a row on one fresh daemon thread, each time on a new
     * board, and stops early at a wrong result. Returns the last call made.
     */
    static Chopped repeatedly(int times, List<byte[]> blocks, List<String> expected) {
        List<byte[]> given = List.copyOf(blocks);
        AtomicReference<ChoppingBoard> board = new AtomicReference<>();
        Outcome<List<String>> outcome = bounded(() -> {
            List<String> digests = null;
            for (int i = 0; i < times && (digests == null || digests.equals(expected)); i++) {
                board.set(ChoppingBoard.forBlocks(given).build());
                digests = Chefs.hashAll(board.get(), given);
            }
            return digests;
        });
        return new Chopped(board.get(), given, outcome.value(), outcome.thrown(), outcome.timedOut());
    }

    /** Runs {@code work} on a fresh daemon thread and waits at most {@link #CALL_LIMIT} for it. */
    static <T> Outcome<T> bounded(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread caller = Thread.ofPlatform().daemon().name(Lang.current().pick("hashAll caller", "quem chama hashAll"))
                .unstarted(task);
        caller.start();
        try {
            return new Outcome<>(task.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS), null, false);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false);
        } catch (TimeoutException e) {
            caller.interrupt();
            return new Outcome<>(null, null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the test was interrupted while hashAll ran", e);
        }
    }

    /** The digests {@link MessageDigest} gives, the oracle every check compares with. */
    static List<String> sha256(List<byte[]> blocks) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return blocks.stream().map(b -> HexFormat.of().formatHex(digest.digest(b))).toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the student's threads did, drawn one chop per row. */
    String timeline() {
        return Timeline.of(board.journal());
    }

    /**
     * The precondition of every graded test: the call returned, every block was chopped exactly once on
     * the board with a knife of its own, and {@code digests.get(i)} is the SHA-256 of {@code blocks.get(i)}.
     */
    void assertRight(List<String> expected) {
        if (timedOut) {
            throw Feedback.observed("hashAll did not return within %d s", "hashAll não retornou em %d s",
                            CALL_LIMIT.toSeconds())
                    .expected("hashAll returns as soon as every block is chopped",
                            "hashAll retorna assim que todos os blocos forem picados")
                    .hint("look for a wait that nothing ends: a result never completed, a thread never started,"
                                    + " a pool never shut down",
                            "procure uma espera que nada encerra: um resultado nunca completado, uma thread nunca"
                                    + " iniciada, um pool nunca encerrado")
                    .picture(this::timeline).error();
        }
        if (board.peakKnifeUsers() > 1) {
            throw Feedback.observed("one knife (MessageDigest) was in %d chops at the same time, on %s",
                            "uma faca (MessageDigest) estava em %d cortes ao mesmo tempo, em %s",
                            board.peakKnifeUsers(), board.knifeSharing())
                    .expected("every chef chops with a knife of his own: a MessageDigest keeps the state of the"
                                    + " block it is cutting, so two threads on one knife mix their blocks up and cut"
                                    + " wrong digests (or crash)",
                            "cada chef pica com a sua própria faca: um MessageDigest guarda o estado do bloco que"
                                    + " está cortando, então duas threads com uma faca misturam os blocos e cortam"
                                    + " digests errados (ou quebram)")
                    .hint("a knife is cheap (board.newKnife()); what must never happen is one knife in two threads"
                                    + " at once",
                            "uma faca é barata (board.newKnife()); o que nunca pode acontecer é uma faca em duas"
                                    + " threads ao mesmo tempo")
                    .picture(this::timeline).error();
        }
        if (thrown != null) {
            throw Feedback.observed("hashAll threw %s", "hashAll lançou %s", thrown)
                    .expected("the digest of every block", "o digest de cada bloco")
                    .hint("the stack trace below shows where it came from",
                            "o stack trace abaixo mostra de onde veio")
                    .picture(() -> stackTrace(thrown)).error();
        }
        List<Integer> neverChopped = IntStream.range(0, blocks.size()).filter(i -> board.chopsOf(i) == 0)
                .boxed().toList();
        if (!neverChopped.isEmpty()) {
            throw Feedback.observed("%d of %d blocks were never chopped on the board (for instance block %d)",
                            "%d de %d blocos nunca foram picados na tábua (por exemplo o bloco %d)",
                            neverChopped.size(), blocks.size(), neverChopped.getFirst())
                    .expected("every block chopped with board.chop: the board is how the kitchen sees your chefs"
                                    + " work", "cada bloco picado com board.chop: a tábua é como a cozinha vê os seus"
                                    + " chefs trabalhando")
                    .hint("streams are lazy: map and peek run only for the elements the terminal operation needs,"
                                    + " and count() on a stream of known size needs none of them; let the stream"
                                    + " produce the digests you return",
                            "streams são preguiçosos: map e peek só rodam para os elementos de que a operação"
                                    + " terminal precisa, e count() num stream de tamanho conhecido não precisa de"
                                    + " nenhum; faça o stream produzir os digests que você retorna")
                    .picture(this::timeline).error();
        }
        List<Integer> choppedTwice = IntStream.range(0, blocks.size()).filter(i -> board.chopsOf(i) > 1)
                .boxed().toList();
        if (!choppedTwice.isEmpty()) {
            int block = choppedTwice.getFirst();
            throw Feedback.observed("block %d was chopped %d times (%d blocks more than once)",
                            "o bloco %d foi picado %d vezes (%d blocos mais de uma vez)",
                            block, board.chopsOf(block), choppedTwice.size())
                    .expected("every block chopped exactly once", "cada bloco picado exatamente uma vez")
                    .hint("chop a block in one place only; the digest it returns is the one to keep",
                            "pique um bloco num lugar só; o digest que ele devolve é o que você guarda")
                    .picture(this::timeline).error();
        }
        if (digests == null || digests.size() != expected.size()) {
            throw Feedback.observed("hashAll returned %s for %d blocks", "hashAll retornou %s para %d blocos",
                            digests == null ? "null" : digests.size() + " digests", blocks.size())
                    .expected("one digest per block, %d in all", "um digest por bloco, %d ao todo", blocks.size())
                    .hint("return a digest for every block, and only after its chop is done",
                            "retorne um digest para cada bloco, e só depois que o corte dele terminou")
                    .picture(this::timeline).error();
        }
        if (!digests.equals(expected)) {
            if (new HashSet<>(digests).equals(new HashSet<>(expected))) {
                throw outOfOrder(expected);
            }
            int i = IntStream.range(0, expected.size()).filter(k -> !expected.get(k).equals(digests.get(k)))
                    .findFirst().orElseThrow();
            throw Feedback.observed("the digest at position %d is %s", "o digest na posição %d é %s",
                            i, digests.get(i))
                    .expected("SHA-256 of block %d: %s", "SHA-256 do bloco %d: %s", i, expected.get(i))
                    .hint("return exactly what board.chop gave for each block",
                            "retorne exatamente o que board.chop deu para cada bloco")
                    .picture(this::timeline).error();
        }
    }

    /**
     * The failure test's check: the chop of block {@code rotten} threw a {@link Rotten}, and hashAll, given
     * a moment, threw it too, itself or as a cause.
     */
    void assertFailedWithTheChop(int rotten) {
        if (timedOut) {
            throw Feedback.observed("the chop of block %d failed, and hashAll had not returned nor thrown %d s later",
                            "o corte do bloco %d falhou, e hashAll não tinha retornado nem lançado nada %d s depois",
                            rotten, CALL_LIMIT.toSeconds())
                    .expected("hashAll fails when a chop fails: it throws the chop's exception, or one that has it"
                                    + " as its cause",
                            "hashAll falha quando um corte falha: lança a exceção do corte, ou uma que a tenha"
                                    + " como causa")
                    .hint("a thread that dies of an exception never counts down, never completes, never hands"
                                    + " back: wait for something that also reports failures (a Future's get())",
                            "uma thread que morre de exceção nunca faz a contagem, nunca completa, nunca devolve"
                                    + " nada: espere por algo que também relata falhas (o get() de um Future)")
                    .picture(this::timeline).error();
        }
        if (thrown == null) {
            String digest = digests == null || digests.size() <= rotten ? "missing" : String.valueOf(digests.get(rotten));
            throw Feedback.observed("the chop of block %d threw %s, but hashAll returned %s digests (at position %d:"
                                    + " %s): the failure was swallowed",
                            "o corte do bloco %d lançou %s, mas hashAll retornou %s digests (na posição %d: %s): a"
                                    + " falha foi engolida",
                            rotten, new Rotten(rotten), digests == null ? "null instead of" : digests.size(), rotten,
                            digest)
                    .expected("hashAll fails when a chop fails: it throws the chop's exception, or one that has it"
                                    + " as its cause",
                            "hashAll falha quando um corte falha: lança a exceção do corte, ou uma que a tenha"
                                    + " como causa")
                    .hint("a block that could not be chopped has no digest: an exception caught in a chef's thread"
                                    + " has to leave hashAll again (a Future's get() throws it, wrapped)",
                            "um bloco que não pôde ser picado não tem digest: uma exceção capturada na thread de um"
                                    + " chef precisa sair de hashAll de novo (o get() de um Future a lança, embrulhada)")
                    .picture(this::timeline).error();
        }
        // Bounded: a cause chain may loop.
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof Rotten) {
                return;
            }
        }
        throw Feedback.observed("hashAll threw %s, but the chop's failure (%s) is not among its causes",
                        "hashAll lançou %s, mas a falha do corte (%s) não está entre as suas causas",
                        thrown, new Rotten(rotten))
                .expected("the chop's own exception, or an exception whose cause is it",
                        "a própria exceção do corte, ou uma exceção cuja causa seja ela")
                .hint("when you wrap an exception in another one, pass the original along as its cause (or"
                                + " rethrow the original): the reason is the most useful part",
                        "ao embrulhar uma exceção em outra, passe a original como causa (ou relance a original):"
                                + " o motivo é a parte mais útil")
                .picture(() -> stackTrace(thrown)).error();
    }

    private AssertionError outOfOrder(List<String> expected) {
        List<Integer> order = digests.stream().map(expected::indexOf).toList();
        Feedback observed = order.equals(board.returnOrder())
                ? Feedback.observed("every digest is there, but not in input order: the result holds blocks %s, the"
                                + " order in which their chops finished",
                        "todos os digests estão lá, mas não na ordem da entrada: o resultado traz os blocos %s, a"
                                + " ordem em que os cortes terminaram", abbreviate(order))
                : Feedback.observed("every digest is there, but not in input order: the result holds blocks %s",
                        "todos os digests estão lá, mas não na ordem da entrada: o resultado traz os blocos %s",
                        abbreviate(order));
        return observed
                .expected("result.get(i) is the digest of blocks.get(i), whichever chop finished first",
                        "result.get(i) é o digest de blocks.get(i), não importa qual corte terminou primeiro")
                .hint("threads finish in their own order, like the eggs of the lecture; keep track of where each"
                                + " digest belongs, not of when it arrived",
                        "threads terminam na sua própria ordem, como os ovos da aula; guarde onde cada digest"
                                + " pertence, não quando ele chegou")
                .picture(this::timeline).error();
    }

    private static String abbreviate(List<Integer> order) {
        List<Integer> head = new ArrayList<>(order.subList(0, Math.min(12, order.size())));
        return head + (order.size() > head.size() ? "…" : "");
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString().lines().limit(20).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
