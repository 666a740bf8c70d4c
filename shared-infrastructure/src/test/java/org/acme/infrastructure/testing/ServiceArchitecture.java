package org.acme.infrastructure.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
 * The layout rules for one service (docs/architecture.md): slices stay independent (they may share
 * the aggregate and named read models), aggregates know no framework, no service depends on
 * another's code, and the code stays reactive: no JTA transaction, no blocking JDBC (Flyway, run by
 * Quarkus at start-up, is the only user of JDBC).
 */
public final class ServiceArchitecture {

    private static final List<String> CONTEXTS = List.of("catalog", "orders", "inventory");

    private final String context;
    private final JavaClasses classes;

    private ServiceArchitecture(String context, String... packages) {
        this.context = context;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
    }

    public static ServiceArchitecture of(String context) {
        return new ServiceArchitecture(context, "org.acme." + context);
    }

    /** The shared infrastructure's own code, for {@link #staysReactive()}. */
    public static ServiceArchitecture ofInfrastructure() {
        return new ServiceArchitecture("infrastructure", "org.acme.infrastructure");
    }

    /**
     * Every transaction is a reactive one (Hibernate Reactive, the reactive PostgreSQL client): no
     * JTA, no Agroal, no JDBC connection or statement anywhere in the main code.
     */
    public void staysReactive() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.transaction..", "io.quarkus.narayana..", "io.agroal..", "javax.sql..")
                .because("a JTA transaction or a JDBC pool would block a thread; transactions are reactive")
                .check(classes);
        noClasses().should().dependOnClassesThat().belongToAnyOf(java.sql.Connection.class, java.sql.Statement.class,
                        java.sql.PreparedStatement.class, java.sql.ResultSet.class, java.sql.DriverManager.class)
                .because("JDBC blocks: only Flyway uses it, at start-up")
                .check(classes);
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
                        "com.rabbitmq..", "io.agroal..", "java.sql..", "com.fasterxml..", "io.smallrye.mutiny..",
                        "org.acme.infrastructure.eventstore..", "org.acme.infrastructure.outbox..",
                        "org.acme.infrastructure.http..", "org.acme.infrastructure.subscriptions..",
                        "org.acme.integrationevents..")
                .check(classes);
    }

    /**
     * Every resource says who may call it: the roles of a command ({@code @RolesAllowed}), or any
     * authenticated caller for a query ({@code @Authenticated}). None is open by omission.
     */
    public void everyResourceSaysWhoMayCallIt() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(io.quarkus.security.Authenticated.class)
                .because("an API endpoint without either would answer anyone (docs/security.md)")
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
