package org.acme.infrastructure.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The real broker the tests use, located like the services locate it (RABBITMQ_HOST, ...), so that
 * the same tests run against a local server or a container. Tests work in a virtual host of their
 * own ({@code tests}, or TEST_RABBITMQ_VIRTUAL_HOST), apart from a local run in {@code /}: a service
 * started with ./run-local.sh never takes a test's messages, nor a test a running service's.
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

    private static String managementPort() {
        return startedManagementPort != null ? startedManagementPort.toString() : env("RABBITMQ_MANAGEMENT_PORT", "15672");
    }

    public static String username() {
        return env("RABBITMQ_USERNAME", "guest");
    }

    public static String password() {
        return env("RABBITMQ_PASSWORD", "guest");
    }

    /** The virtual host of the component tests. */
    public static String testVirtualHost() {
        return env("TEST_RABBITMQ_VIRTUAL_HOST", "tests");
    }

    public static Connection connect(String name) throws IOException, TimeoutException {
        return connect(name, testVirtualHost());
    }

    public static Connection connect(String name, String virtualHost) throws IOException, TimeoutException {
        return factory(virtualHost).newConnection(name);
    }

    /**
     * Makes sure a virtual host exists and the user may use it: scripts/local-services.sh creates
     * the tests' ones; a broker it did not prepare (a container, say) gets them through the
     * management API.
     */
    public static void ensureVirtualHost(String virtualHost) {
        try (Connection ignored = factory(virtualHost).newConnection("test-setup")) {
            return;
        } catch (IOException | TimeoutException missing) {
            createVirtualHost(virtualHost);
        }
    }

    private static ConnectionFactory factory(String virtualHost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host());
        factory.setPort(port());
        factory.setUsername(username());
        factory.setPassword(password());
        factory.setVirtualHost(virtualHost);
        return factory;
    }

    private static void createVirtualHost(String virtualHost) {
        String api = "http://" + host() + ":" + managementPort() + "/api/";
        String encoded = URLEncoder.encode(virtualHost, StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder().encodeToString((username() + ":" + password()).getBytes(StandardCharsets.UTF_8));
        for (List<String> call : List.of(
                List.of("vhosts/" + encoded, "{}"),
                List.of("permissions/" + encoded + "/" + username(), "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"))) {
            try {
                HttpURLConnection put = (HttpURLConnection) URI.create(api + call.get(0)).toURL().openConnection();
                put.setRequestMethod("PUT");
                put.setDoOutput(true);
                put.setRequestProperty("Authorization", "Basic " + credentials);
                put.setRequestProperty("Content-Type", "application/json");
                put.getOutputStream().write(call.get(1).getBytes(StandardCharsets.UTF_8));
                int status = put.getResponseCode();
                put.disconnect();
                if (status >= 300) {
                    throw new IOException("PUT " + call.get(0) + " answered " + status);
                }
            } catch (IOException e) {
                throw new IllegalStateException("no RabbitMQ virtual host '" + virtualHost + "', and the management API"
                        + " cannot create it (" + e.getMessage() + "): run scripts/local-services.sh", e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
