package kitchen.grader.cli;

import java.util.ArrayList;
import java.util.List;
import kitchen.grader.kit.Exercise;
import kitchen.grader.kit.Kit;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --exercise ID}, repeatable, with one rule everywhere: an id the kit does not have is a usage error. */
final class ExerciseOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--exercise", paramLabel = "ID",
            description = "only this exercise (repeatable), e.g. 02-boil-eggs")
    List<String> ids = new ArrayList<>();

    /** The exercises asked for, in the order asked, or all of them. */
    List<Exercise> select(Kit kit) {
        List<Exercise> all = kit.exercises();
        if (ids.isEmpty()) {
            return all;
        }
        List<Exercise> chosen = new ArrayList<>();
        for (String id : ids) {
            Exercise e = all.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "unknown exercise '" + id
                            + "'; the exercises are: " + String.join(", ", all.stream().map(Exercise::id).toList())));
            if (!chosen.contains(e)) {
                chosen.add(e);
            }
        }
        return chosen;
    }
}
