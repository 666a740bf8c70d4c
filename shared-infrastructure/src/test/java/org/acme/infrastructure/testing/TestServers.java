package org.acme.infrastructure.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL and RabbitMQ a module's tests run against, chosen without a flag: where a Docker
 * engine answers, containers started for the run (Testcontainers); elsewhere the local servers
 * (PG_HOST, RABBITMQ_HOST, ...), with the test database and virtual host created if missing. Either
 * way {@code ./mvnw verify} needs nothing prepared. Declared once per module, with global scope and
 * the module's database as {@code database} argument.
 *
 * <p>The application reaches the broker through a {@link TcpProxy}, so that a test can take the
 * broker away from it ({@link #cutBroker()}) while the test itself still talks to the broker.
 */
public class TestServers implements QuarkusTestResourceLifecycleManager {

    private static PostgreSQLContainer<?> postgres;
    private static RabbitMQContainer rabbit;
    private static TcpProxy brokerLink;
    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (dockerAnswers()) {
            startContainers();
            config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl());
            config.put("quarkus.datasource.reactive.url", reactiveUrl(postgres.getHost(), postgres.getMappedPort(5432)));
            config.put("quarkus.datasource.username", postgres.getUsername());
            config.put("quarkus.datasource.password", postgres.getPassword());
            LocalBroker.useServer(rabbit.getHost(), rabbit.getAmqpPort(), rabbit.getHttpPort());
        } else {
            createDatabaseIfMissing();
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + database);
            config.put("quarkus.datasource.reactive.url", reactiveUrl(pgHost(), Integer.parseInt(pgPort())));
            config.put("quarkus.datasource.username", env("PG_USER", "postgres"));
            config.put("quarkus.datasource.password", env("PG_PASSWORD", ""));
        }
        LocalBroker.ensureVirtualHost(LocalBroker.testVirtualHost());
        config.put("rabbitmq.host", "127.0.0.1");
        config.put("rabbitmq.port", Integer.toString(brokerLink().port()));
        config.put("rabbitmq.username", LocalBroker.username());
        config.put("rabbitmq.password", LocalBroker.password());
        config.put("rabbitmq.virtual-host", LocalBroker.testVirtualHost());
        return config;
    }

    @Override
    public void stop() {
        // Containers stop with the JVM (Testcontainers' reaper); local servers keep running.
        if (brokerLink != null) {
            brokerLink.close();
            brokerLink = null;
        }
    }

    /** Drops the application's connections to the broker and refuses new ones, until {@link #restoreBroker()}. */
    public static void cutBroker() {
        brokerLink.cut();
    }

    public static void restoreBroker() {
        brokerLink.restore();
    }

    private static synchronized TcpProxy brokerLink() {
        if (brokerLink == null) {
            try {
                brokerLink = new TcpProxy(LocalBroker.host(), LocalBroker.port());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return brokerLink;
    }

    /** Whether a Docker engine answers here; no engine (or no permission to reach it) is not an error. */
    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    private synchronized void startContainers() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:15-alpine")).withDatabaseName(database);
            postgres.start();
            rabbit = new RabbitMQContainer(DockerImageName.parse("rabbitmq:3.10-management-alpine"));
            rabbit.start();
        }
    }

    private void createDatabaseIfMissing() {
        String url = "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, env("PG_USER", "postgres"), env("PG_PASSWORD", ""))) {
            boolean exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")
                    .executeQuery().next();
            if (!exists) {
                connection.createStatement().execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("no Docker engine, and the local PostgreSQL (" + url + ") cannot hold the"
                    + " test database " + database + ": run scripts/local-services.sh", e);
        }
    }

    private String reactiveUrl(String host, int port) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    private static String pgHost() {
        return env("PG_HOST", "127.0.0.1");
    }

    private static String pgPort() {
        return env("PG_PORT", "5432");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
