package org.acme.inventory;

import org.acme.infrastructure.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The layout rules of docs/architecture.md, checked on the compiled inventory. */
class InventoryArchitectureTest {

    private final ServiceArchitecture inventory = ServiceArchitecture.of("inventory");

    @Test
    void slicesDoNotDependOnEachOther() {
        inventory.slicesAreIndependent("stockitem", "stockitemstore", "reservations");
    }

    @Test
    void theAggregateKnowsNoFramework() {
        inventory.aggregateKnowsNoFramework("stockitem");
    }

    @Test
    void inventoryDependsOnNoOtherService() {
        inventory.dependsOnNoOtherService();
    }

    @Test
    void theCodeStaysReactive_noJtaNorBlockingJdbc() {
        inventory.staysReactive();
    }

    @Test
    void everyResourceSaysWhoMayCallIt() {
        inventory.everyResourceSaysWhoMayCallIt();
    }
}
