package org.acme.benchmarks;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.TimeoutException;

/** The PostgreSQL and RabbitMQ of this machine (PG_*, RABBITMQ_*), as the benchmark reaches them. */
final class Servers {

    static final String VIRTUAL_HOST = "bench";

    private Servers() {
    }

    static java.sql.Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432")
                + "/" + name, env("PG_USER", "postgres"), env("PG_PASSWORD", ""));
    }

    /** Drops and creates a database: every measurement starts empty. */
    static void freshDatabase(String name) throws SQLException {
        try (java.sql.Connection connection = database("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    static Connection broker(String name) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
        factory.setUsername(env("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(VIRTUAL_HOST);
        return factory.newConnection(name);
    }

    /** Deletes the benchmark's virtual host with all it holds and creates it again (management API). */
    static void freshVirtualHost() throws IOException, InterruptedException {
        String api = "http://" + env("RABBITMQ_HOST", "127.0.0.1") + ":" + env("RABBITMQ_MANAGEMENT_PORT", "15672") + "/api/";
        String user = env("RABBITMQ_USERNAME", "guest");
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + env("RABBITMQ_PASSWORD", "guest"))
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        String vhost = URLEncoder.encode(VIRTUAL_HOST, StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(api + "vhosts/" + vhost)).header("Authorization", authorization)
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        for (String[] call : new String[][] {{"vhosts/" + vhost, "{}"},
                {"permissions/" + vhost + "/" + user, "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"}}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + call[0]))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(call[1])).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException("PUT " + call[0] + " answered " + response.statusCode() + ": " + response.body()
                        + " (is the rabbitmq_management plugin on? scripts/local-services.sh enables it)");
            }
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
