package kitchen.grader.engine;

import kitchen.grader.kit.Exercise;

/**
 * Decides when an exercise may be graded next to others. Alone, the grader runs one exercise at a time;
 * batch grading with several jobs uses a lease that lets exercises that judge no timing share the
 * machine while a timing-sensitive one always has it to itself.
 */
public interface CoreLease {

    /** Everything runs whenever asked (one grading at a time needs nothing more). */
    CoreLease NONE = exercise -> () -> {
    };

    Release acquire(Exercise exercise) throws InterruptedException;

    /** Held while the exercise is graded. */
    interface Release extends AutoCloseable {
        @Override
        void close();
    }

    /** Timing-sensitive exercises exclusive, the others shared. */
    static CoreLease sharedUnlessSensitive() {
        var lock = new java.util.concurrent.locks.ReentrantReadWriteLock(true);
        return exercise -> {
            var held = exercise.timingSensitive() ? lock.writeLock() : lock.readLock();
            held.lockInterruptibly();
            return held::unlock;
        };
    }
}
