package org.acme.infrastructure.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Puts a {@link TcpProxy} between the application under test and the broker, so that a test can
 * take the broker away from the service ({@link #cut()}) and give it back ({@link #restore()}).
 */
public class BrokerProxy implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy(LocalBroker.host(), LocalBroker.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("rabbitmq.host", "127.0.0.1", "rabbitmq.port", Integer.toString(proxy.port()));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    public static void cut() {
        proxy.cut();
    }

    public static void restore() {
        proxy.restore();
    }
}
