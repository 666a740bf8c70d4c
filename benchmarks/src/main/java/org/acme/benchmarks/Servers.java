package org.acme.benchmarks;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.concurrent.TimeoutException;
import org.acme.processes.LocalCredentials;
import org.acme.processes.LocalDatabases;

/**
 * The PostgreSQL and RabbitMQ of this machine (PG_*, RABBITMQ_*), as the benchmark reaches them: a
 * database as the owner role of the context it belongs to, the broker as its administrator, with the
 * local credentials scripts/local-services.sh made.
 */
final class Servers {

    static final String VIRTUAL_HOST = "bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Servers() {
    }

    /** A database of a context's, as its owner. */
    static java.sql.Connection database(String context, String name) throws SQLException {
        return LocalDatabases.asOwner(context, name);
    }

    /** Empties a context's database: every measurement starts from nothing. */
    static void freshDatabase(String context, String name) throws SQLException {
        LocalDatabases.empty(context, name);
    }

    static Connection broker(String name) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
        factory.setUsername(LocalCredentials.BROKER_ADMIN);
        factory.setPassword(LocalCredentials.brokerPassword(LocalCredentials.BROKER_ADMIN));
        factory.setVirtualHost(VIRTUAL_HOST);
        return factory.newConnection(name);
    }

    /**
     * Deletes every queue of the benchmark's virtual host, with what it holds (management API); the
     * virtual host and its users' permissions stay as scripts/local-services.sh made them.
     */
    static void freshVirtualHost() throws IOException, InterruptedException {
        String api = "http://" + env("RABBITMQ_HOST", "127.0.0.1") + ":" + env("RABBITMQ_MANAGEMENT_PORT", "15672") + "/api/";
        String authorization = "Basic " + Base64.getEncoder().encodeToString((LocalCredentials.BROKER_ADMIN + ":"
                + LocalCredentials.brokerPassword(LocalCredentials.BROKER_ADMIN)).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        String vhost = URLEncoder.encode(VIRTUAL_HOST, StandardCharsets.UTF_8);
        HttpResponse<String> queues = http.send(HttpRequest.newBuilder(URI.create(api + "queues/" + vhost))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (queues.statusCode() >= 300) {
            throw new IOException("GET queues/" + vhost + " answered " + queues.statusCode() + ": " + queues.body()
                    + " (is the rabbitmq_management plugin on? scripts/local-services.sh enables it)");
        }
        for (JsonNode queue : JSON.readTree(queues.body())) {
            String name = URLEncoder.encode(queue.path("name").asText(), StandardCharsets.UTF_8).replace("+", "%20");
            http.send(HttpRequest.newBuilder(URI.create(api + "queues/" + vhost + "/" + name)).header("Authorization", authorization)
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
