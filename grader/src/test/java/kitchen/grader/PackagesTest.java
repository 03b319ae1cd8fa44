package kitchen.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The grader's own package graph: small packages by responsibility, no cycles, and the code that runs
 * inside a student's JVM ({@code forked}) knowing nothing of the grader around it but the protocol.
 */
class PackagesTest {

    private static final JavaClasses GRADER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kitchen.grader");

    @Test
    @DisplayName("the grader's packages depend on each other without cycles")
    void noCycles() {
        org.assertj.core.api.Assertions.assertThat(GRADER).as("the grader's classes, imported").hasSizeGreaterThan(50);
        slices().matching("kitchen.grader.(*)..").should().beFreeOfCycles().check(GRADER);
    }

    @Test
    @DisplayName("the forked JVM's side uses only the protocol (and the kitchen), never the grader's side")
    void forkedSideStandsAlone() {
        noClasses().that().resideInAPackage("kitchen.grader.forked..")
                .should().dependOnClassesThat().resideInAnyPackage("kitchen.grader.run..", "kitchen.grader.engine..",
                        "kitchen.grader.score..", "kitchen.grader.report..", "kitchen.grader.batch..",
                        "kitchen.grader.cli..", "kitchen.grader.release..", "kitchen.grader.sandbox..",
                        "kitchen.grader.kit..", "kitchen.grader.soak..")
                .check(GRADER);
    }

    @Test
    @DisplayName("the protocol between the two JVMs depends on neither side")
    void protocolDependsOnNoSide() {
        noClasses().that().resideInAPackage("kitchen.grader.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("kitchen.grader.forked..", "kitchen.grader.run..",
                        "kitchen.grader.engine..")
                .check(GRADER);
    }
}
