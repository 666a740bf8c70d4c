package org.acme.infrastructure;

import org.acme.infrastructure.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The shared infrastructure's own code stays reactive. */
class InfrastructureArchitectureTest {

    @Test
    void theInfrastructureUsesNoJtaNorBlockingJdbc() {
        ServiceArchitecture.ofInfrastructure().staysReactive();
    }
}
