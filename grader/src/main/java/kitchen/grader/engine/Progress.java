package kitchen.grader.engine;

import kitchen.grader.kit.Exercise;
import kitchen.grader.score.ExerciseResult;

/** Told as grading goes, so the console can show progress. */
public interface Progress {

    Progress NONE = new Progress() {
    };

    default void started(Exercise exercise) {
    }

    default void finished(ExerciseResult result) {
    }
}
