package org.acme.orders;

import org.acme.infrastructure.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The layout rules of docs/architecture.md, checked on the compiled orders service. */
class OrdersArchitectureTest {

    private final ServiceArchitecture orders = ServiceArchitecture.of("orders");

    @Test
    void slicesDoNotDependOnEachOther() {
        orders.slicesAreIndependent("order", "productview");
    }

    @Test
    void theAggregateKnowsNoFramework() {
        orders.aggregateKnowsNoFramework("order");
    }

    @Test
    void ordersDependsOnNoOtherService() {
        orders.dependsOnNoOtherService();
    }

    @Test
    void theCodeStaysReactive_noJtaNorBlockingJdbc() {
        orders.staysReactive();
    }

    @Test
    void everyResourceSaysWhoMayCallIt() {
        orders.everyResourceSaysWhoMayCallIt();
    }
}
