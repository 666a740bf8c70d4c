package org.acme.infrastructure.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the application under test at the tests' virtual host (created if missing) before it
 * starts. Declared once per module with global scope.
 */
public class TestBroker implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalBroker.ensureVirtualHost(LocalBroker.testVirtualHost());
        return Map.of("rabbitmq.virtual-host", LocalBroker.testVirtualHost());
    }

    @Override
    public void stop() {
        // The virtual host stays: the next run reuses it.
    }
}
