package org.acme.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layout rules of CONVENTIONS.md, checked on the compiled catalog. */
class CatalogArchitectureTest {

    private static final JavaClasses CATALOG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.acme.catalog");

    @Test
    void slicesDoNotDependOnEachOther() {
        slices().matching("org.acme.catalog.(*)..")
                .namingSlices("$1")
                .should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.acme.catalog.product.."))
                .check(CATALOG);
    }

    @Test
    void theAggregateKnowsNoFramework() {
        noClasses().that().resideInAPackage("org.acme.catalog.product..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.transaction..",
                        "com.rabbitmq..", "io.agroal..", "java.sql..",
                        "org.acme.infrastructure.eventstore..", "org.acme.infrastructure.outbox..",
                        "org.acme.infrastructure.http..", "org.acme.integrationevents..")
                .check(CATALOG);
    }

    @Test
    void theCatalogDependsOnNoOtherContext() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.acme.orders..", "org.acme.inventory..",
                        "org.acme.integrationevents.orders..", "org.acme.integrationevents.inventory..")
                .check(CATALOG);
    }
}
