package org.acme.infrastructure.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;

/**
 * The layout rules of CONVENTIONS.md for one service: slices stay independent (they may share the
 * aggregate and named read models), aggregates know no framework, and no service depends on
 * another's code or on integration events it neither publishes nor subscribes to through contracts.
 */
public final class ServiceArchitecture {

    private static final List<String> CONTEXTS = List.of("catalog", "orders", "inventory");

    private final String context;
    private final JavaClasses classes;

    private ServiceArchitecture(String context) {
        this.context = context;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.acme." + context);
    }

    public static ServiceArchitecture of(String context) {
        return new ServiceArchitecture(context);
    }

    /** Slices do not use each other; they may all use the given shared packages (aggregate, read models). */
    public void slicesAreIndependent(String... sharedPackages) {
        DescribedPredicate<JavaClass> shared = DescribedPredicate.describe("a shared package",
                target -> Arrays.stream(sharedPackages)
                        .anyMatch(name -> target.getPackageName().startsWith("org.acme." + context + "." + name)));
        slices().matching("org.acme." + context + ".(*)..")
                .namingSlices("$1")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), shared)
                .ignoreDependency(resideIn("subscribers"), DescribedPredicate.alwaysTrue())
                .check(classes);
    }

    /** An aggregate's package holds plain Java: no framework, database, broker or HTTP. */
    public void aggregateKnowsNoFramework(String aggregatePackage) {
        noClasses().that().resideInAPackage("org.acme." + context + "." + aggregatePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.transaction..",
                        "com.rabbitmq..", "io.agroal..", "java.sql..", "com.fasterxml..",
                        "org.acme.infrastructure.eventstore..", "org.acme.infrastructure.outbox..",
                        "org.acme.infrastructure.http..", "org.acme.infrastructure.subscriptions..",
                        "org.acme.integrationevents..")
                .check(classes);
    }

    /** Services talk only through integration events: no code of another service is used. */
    public void dependsOnNoOtherService() {
        String[] others = CONTEXTS.stream().filter(other -> !other.equals(context))
                .map(other -> "org.acme." + other + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
    }

    private DescribedPredicate<JavaClass> resideIn(String packageName) {
        String prefix = "org.acme." + context + "." + packageName;
        return DescribedPredicate.describe("in " + prefix, origin -> origin.getPackageName().startsWith(prefix));
    }
}
