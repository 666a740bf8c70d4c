package org.acme.infrastructure.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.acme.processes.LocalCredentials;

/**
 * The real broker the tests use, located like the services locate it (RABBITMQ_HOST, ...), so that
 * the same tests run against a local server or a container. Tests work in a virtual host of their
 * own ({@code tests}, or TEST_RABBITMQ_VIRTUAL_HOST), apart from a local run in {@code /}: a service
 * started with ./run-local.sh never takes a test's messages, nor a test a running service's.
 *
 * <p>A test connects as the administrator to watch and to break things ({@link #connect}), and as a
 * context's own user to speak as that context ({@link #connectAs}): only that user may publish on the
 * context's exchange, and only its name passes as the validated user-id (decision 0015).
 */
public final class LocalBroker {

    /** A broker the tests started themselves (a container), instead of the one the environment names. */
    private static volatile String startedHost;
    private static volatile Integer startedPort;
    private static volatile Integer startedManagementPort;

    private LocalBroker() {
    }

    /** Points the tests at a broker they started (see TestServers). */
    static void useServer(String host, int port, int managementPort) {
        startedHost = host;
        startedPort = port;
        startedManagementPort = managementPort;
    }

    public static String host() {
        return startedHost != null ? startedHost : env("RABBITMQ_HOST", "127.0.0.1");
    }

    public static int port() {
        return startedPort != null ? startedPort : Integer.parseInt(env("RABBITMQ_PORT", "5672"));
    }

    public static int managementPort() {
        return startedManagementPort != null ? startedManagementPort : Integer.parseInt(env("RABBITMQ_MANAGEMENT_PORT", "15672"));
    }

    /** The virtual host of the component tests. */
    public static String testVirtualHost() {
        return env("TEST_RABBITMQ_VIRTUAL_HOST", "tests");
    }

    /** As the administrator, in the tests' virtual host. */
    public static Connection connect(String name) throws IOException, TimeoutException {
        return connect(name, testVirtualHost());
    }

    /** As the administrator. */
    public static Connection connect(String name, String virtualHost) throws IOException, TimeoutException {
        return factory(LocalCredentials.BROKER_ADMIN, virtualHost).newConnection(name);
    }

    /** As a context's own user (it is named after the context), in the tests' virtual host. */
    public static Connection connectAs(String user, String name) throws IOException, TimeoutException {
        return connectAs(user, name, testVirtualHost());
    }

    public static Connection connectAs(String user, String name, String virtualHost) throws IOException, TimeoutException {
        return factory(user, virtualHost).newConnection(name);
    }

    /** The virtual host must exist, with the users' permissions: scripts/local-services.sh makes it. */
    public static void requireVirtualHost(String virtualHost) {
        try (Connection ignored = connect("test-setup", virtualHost)) {
            return;
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("the broker at " + host() + ":" + port() + " does not let "
                    + LocalCredentials.BROKER_ADMIN + " into the virtual host '" + virtualHost + "' (" + e.getMessage()
                    + "): run scripts/local-services.sh (./test.sh does)", e);
        }
    }

    private static ConnectionFactory factory(String user, String virtualHost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host());
        factory.setPort(port());
        factory.setUsername(user);
        factory.setPassword(LocalCredentials.brokerPassword(user));
        factory.setVirtualHost(virtualHost);
        return factory;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
