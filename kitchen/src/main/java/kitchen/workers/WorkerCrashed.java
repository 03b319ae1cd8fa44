package kitchen.workers;

import kitchen.grading.Lang;

/**
 * A worker process ended before it answered every block it was given: it crashed, or was killed. Carries
 * what a person needs to find out why: which process, its exit code, and the last line it wrote to its
 * stderr.
 */
public final class WorkerCrashed extends RuntimeException {

    private final long pid;
    private final int exitCode;
    private final String lastWords;

    /**
     * @param pid       the worker's process id ({@link Process#pid()})
     * @param exitCode  its exit code ({@link Process#exitValue()})
     * @param lastWords the last line it wrote to its stderr, or an empty string
     */
    public WorkerCrashed(long pid, int exitCode, String lastWords) {
        super(Lang.current().pick("worker " + pid + " exited with code " + exitCode + " before answering every block",
                "o trabalhador " + pid + " saiu com o código " + exitCode + " antes de responder todos os blocos")
                + (lastWords == null || lastWords.isBlank() ? "" : ": " + lastWords.strip()));
        this.pid = pid;
        this.exitCode = exitCode;
        this.lastWords = lastWords == null ? "" : lastWords.strip();
    }

    public long pid() {
        return pid;
    }

    public int exitCode() {
        return exitCode;
    }

    public String lastWords() {
        return lastWords;
    }
}
