package org.acme.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.acme.processes.LocalCredentials;

/** What the broker says of a virtual host's queues and exchanges, through its management API. */
final class BrokerManagement {

    /** A queue's counters: messages waiting, delivered but not acknowledged, and redelivered so far. */
    record QueueStats(long ready, long unacknowledged, long redelivered, int consumers) {

        long messages() {
            return ready + unacknowledged;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String api;
    private final String virtualHost;
    private final String authorization;

    BrokerManagement(String virtualHost) {
        this.api = "http://" + env("RABBITMQ_HOST", "127.0.0.1") + ":" + env("RABBITMQ_MANAGEMENT_PORT", "15672") + "/api/";
        this.virtualHost = URLEncoder.encode(virtualHost, StandardCharsets.UTF_8);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((LocalCredentials.BROKER_ADMIN + ":"
                + LocalCredentials.brokerPassword(LocalCredentials.BROKER_ADMIN)).getBytes(StandardCharsets.UTF_8));
    }

    /** The queue's counters, or nothing when it does not exist. */
    Optional<QueueStats> queue(String name) {
        return get("queues/" + virtualHost + "/" + encode(name)).map(queue -> new QueueStats(
                queue.path("messages_ready").asLong(), queue.path("messages_unacknowledged").asLong(),
                queue.path("message_stats").path("redeliver").asLong(), queue.path("consumers").asInt()));
    }

    boolean exchangeExists(String name) {
        return get("exchanges/" + virtualHost + "/" + encode(name)).isPresent();
    }

    /** Whether the queue is bound to the exchange with this routing key. */
    boolean bound(String queue, String exchange, String routingKey) {
        return get("bindings/" + virtualHost + "/e/" + encode(exchange) + "/q/" + encode(queue))
                .map(bindings -> {
                    for (JsonNode binding : bindings) {
                        if (routingKey.equals(binding.path("routing_key").asText())) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(false);
    }

    boolean memoryAlarmRaised() {
        return get("nodes").map(nodes -> nodes.size() > 0 && nodes.get(0).path("mem_alarm").asBoolean()).orElse(false);
    }

    void deleteQueue(String name) {
        delete("queues/" + virtualHost + "/" + encode(name));
    }

    void deleteExchange(String name) {
        delete("exchanges/" + virtualHost + "/" + encode(name));
    }

    /**
     * Deletes every queue of the virtual host, with what it holds; the services declare theirs again.
     * The virtual host, its users' permissions and the exchanges stay as scripts/local-services.sh and
     * the relays made them.
     */
    void deleteQueues() {
        get("queues/" + virtualHost).ifPresent(queues -> queues.forEach(queue -> deleteQueue(queue.path("name").asText())));
    }

    private Optional<JsonNode> get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        check(response, "GET " + path);
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " answered no JSON: " + response.body(), e);
        }
    }

    private void delete(String path) {
        HttpResponse<String> response = send(request(path).DELETE().build());
        if (response.statusCode() != 404) {
            check(response, "DELETE " + path);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10)).header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the broker's management API (" + api + ") did not answer " + request.uri()
                    + ": is the rabbitmq_management plugin enabled? (scripts/local-services.sh enables it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void check(HttpResponse<String> response, String call) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(call + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
