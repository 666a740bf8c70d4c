package org.acme.e2e;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.acme.processes.LocalTokens;

/**
 * What an operator does with a service's dead letters, through its management API and nothing else:
 * list them, redrive them. The suites read dead letters here, as people do, never from the DLQ.
 */
public final class DeadLetterDesk {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final String managementUrl;
    private final String authorization = "Bearer " + LocalTokens.mint("suite-operator", List.of("administrator"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DeadLetterDesk(String managementUrl) {
        this.managementUrl = managementUrl;
    }

    /** Every dead letter matching the criteria (state {@code waiting} unless told; {@code any} for all). */
    public List<JsonNode> list(Map<String, String> criteria) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Map<String, String> query = new LinkedHashMap<>(criteria);
            query.put("limit", Integer.toString(PAGE));
            query.put("offset", Integer.toString(offset));
            JsonNode page = send(HttpRequest.newBuilder(URI.create(managementUrl + "/dead-letters?" + encoded(query))).GET());
            page.path("items").forEach(all::add);
            if (page.path("items").size() < PAGE) {
                return all;
            }
        }
    }

    public List<JsonNode> waiting() throws IOException, InterruptedException {
        return list(Map.of());
    }

    /** Every dead letter of a message, whatever became of it. */
    public List<JsonNode> ofMessage(String messageId) throws IOException, InterruptedException {
        return list(Map.of("messageId", messageId, "state", "any"));
    }

    /** Redrives every waiting dead letter; answers how many went back. */
    public int redriveAll() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(managementUrl + "/dead-letters/redrive"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"all\": true}"))).path("redriven").asInt();
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String encoded(Map<String, String> query) {
        return query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
