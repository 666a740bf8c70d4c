package org.acme.infrastructure.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The real broker the tests use, located like the services locate it (RABBITMQ_HOST, ...), so that
 * the same tests run against a local server or a container.
 */
public final class LocalBroker {

    private LocalBroker() {
    }

    public static String host() {
        return env("RABBITMQ_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(env("RABBITMQ_PORT", "5672"));
    }

    public static Connection connect(String name) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host());
        factory.setPort(port());
        factory.setUsername(env("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(env("RABBITMQ_VIRTUAL_HOST", "/"));
        return factory.newConnection(name);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
