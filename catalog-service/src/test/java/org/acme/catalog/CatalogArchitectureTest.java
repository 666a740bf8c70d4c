package org.acme.catalog;

import org.acme.infrastructure.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The layout rules of docs/architecture.md, checked on the compiled catalog. */
class CatalogArchitectureTest {

    private final ServiceArchitecture catalog = ServiceArchitecture.of("catalog");

    @Test
    void slicesDoNotDependOnEachOther() {
        catalog.slicesAreIndependent("product");
    }

    @Test
    void theAggregateKnowsNoFramework() {
        catalog.aggregateKnowsNoFramework("product");
    }

    @Test
    void theCatalogDependsOnNoOtherService() {
        catalog.dependsOnNoOtherService();
    }

    @Test
    void theCodeStaysReactive_noJtaNorBlockingJdbc() {
        catalog.staysReactive();
    }

    @Test
    void everyResourceSaysWhoMayCallIt() {
        catalog.everyResourceSaysWhoMayCallIt();
    }
}
