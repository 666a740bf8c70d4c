package org.acme.e2e;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The three services started from their packaged jars, against fresh databases of their own
 * ({@code *_e2e}) and the broker's {@code e2e} virtual host, so that nothing a local run or a
 * component test left behind reaches them. Started once for all end-to-end tests.
 */
final class RunningSystem implements AutoCloseable {

    static final String VIRTUAL_HOST = "e2e";
    private static final List<String> SERVICES = List.of("catalog", "inventory", "orders");

    private final List<Service> services = new ArrayList<>();

    static RunningSystem start() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        recreateDatabases();
        forgetBrokerState();
        RunningSystem system = new RunningSystem();
        Runtime.getRuntime().addShutdownHook(new Thread(system::closeQuietly));
        for (String name : SERVICES) {
            Map<String, String> environment = new HashMap<>();
            environment.put(name.toUpperCase() + "_DB", name + "_e2e");
            environment.put("RABBITMQ_VIRTUAL_HOST", VIRTUAL_HOST);
            system.services.add(Service.start(repository, name, environment));
        }
        for (Service service : system.services) {
            service.awaitHealthy(Duration.ofSeconds(90));
        }
        return system;
    }

    String catalog() {
        return services.get(0).url();
    }

    String inventory() {
        return services.get(1).url();
    }

    String orders() {
        return services.get(2).url();
    }

    /** Each run starts from empty databases: the services create their schema with Flyway. */
    private static void recreateDatabases() throws SQLException {
        String url = "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/postgres";
        try (java.sql.Connection connection = DriverManager.getConnection(url, env("PG_USER", "postgres"), env("PG_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            for (String name : SERVICES) {
                statement.execute("DROP DATABASE IF EXISTS " + name + "_e2e WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name + "_e2e");
            }
        }
    }

    /** Deletes the queues an earlier run left in the e2e virtual host; the services declare them again. */
    private static void forgetBrokerState() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
        factory.setUsername(env("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(VIRTUAL_HOST);
        try (Connection connection = connectCreatingTheVirtualHost(factory); Channel channel = connection.createChannel()) {
            for (String queue : List.of("orders.integration-events", "orders.integration-events.dlq",
                    "inventory.integration-events", "inventory.integration-events.dlq", "catalog.events.unroutable",
                    "orders.events.unroutable", "inventory.events.unroutable")) {
                channel.queueDelete(queue);
            }
        }
    }

    private static Connection connectCreatingTheVirtualHost(ConnectionFactory factory) throws IOException, TimeoutException {
        try {
            return factory.newConnection("e2e-setup");
        } catch (IOException missing) {
            createVirtualHost(factory);
            return factory.newConnection("e2e-setup");
        }
    }

    /**
     * Creates the e2e virtual host through the management API, for a broker that
     * scripts/local-services.sh did not prepare (a container, say).
     */
    private static void createVirtualHost(ConnectionFactory factory) throws IOException {
        String api = "http://" + factory.getHost() + ":" + env("RABBITMQ_MANAGEMENT_PORT", "15672") + "/api/";
        String credentials = Base64.getEncoder().encodeToString(
                (factory.getUsername() + ":" + factory.getPassword()).getBytes(StandardCharsets.UTF_8));
        for (String[] call : List.of(
                new String[] {"vhosts/" + VIRTUAL_HOST, "{}"},
                new String[] {"permissions/" + VIRTUAL_HOST + "/" + factory.getUsername(),
                        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"})) {
            HttpURLConnection put = (HttpURLConnection) URI.create(api + call[0]).toURL().openConnection();
            put.setRequestMethod("PUT");
            put.setDoOutput(true);
            put.setRequestProperty("Authorization", "Basic " + credentials);
            put.setRequestProperty("Content-Type", "application/json");
            try {
                put.getOutputStream().write(call[1].getBytes(StandardCharsets.UTF_8));
                if (put.getResponseCode() >= 300) {
                    throw new IOException("PUT " + call[0] + " answered " + put.getResponseCode());
                }
            } catch (IOException e) {
                throw new IllegalStateException("no RabbitMQ virtual host '" + VIRTUAL_HOST + "' and the management API"
                        + " cannot create it (" + e.getMessage() + "): run scripts/local-services.sh", e);
            } finally {
                put.disconnect();
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Service service : services) {
            service.close();
        }
        services.clear();
    }
}
