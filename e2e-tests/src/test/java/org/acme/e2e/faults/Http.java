package org.acme.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.acme.processes.LocalTokens;

/**
 * JSON over HTTP as a client sees it: an answer, a refusal to connect, or no answer in time. The
 * suite's clients are trusted ones: every request carries a bearer token holding every command's role.
 */
final class Http {

    /** What came back; {@code status} 0 when nothing did; {@code retryAfter} empty when not given. */
    record Answer(int status, String contentType, String retryAfter, JsonNode body, Duration latency, Reach reach) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Whether the request surely did not reach the service (refused), or may have (no answer). */
    enum Reach { ANSWERED, REFUSED, NO_ANSWER }

    static final ObjectMapper JSON = new ObjectMapper();
    /** The suite runs for minutes; the token is valid for hours. */
    private static final String AUTHORIZATION = "Bearer " + LocalTokens.everyRole("fault-suite");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), null);
    }

    Answer post(String url, Object body, String correlationId) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-Correlation-Id", correlationId)
                .POST(publisher(body)), body);
    }

    Answer put(String url, Object body, String correlationId) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-Correlation-Id", correlationId)
                .PUT(publisher(body)), body);
    }

    private Answer send(HttpRequest.Builder request, Object body) {
        long start = System.nanoTime();
        request.timeout(timeout).header("Accept", "application/json").header("Authorization", AUTHORIZATION);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(""), parse(response.body()), since(start), Reach.ANSWERED);
        } catch (ConnectException refused) {
            return new Answer(0, "", "", MissingNode.getInstance(), since(start), Reach.REFUSED);
        } catch (HttpTimeoutException | RuntimeException e) {
            return new Answer(0, "", "", MissingNode.getInstance(), since(start), Reach.NO_ANSWER);
        } catch (IOException e) {
            Reach reach = e.getCause() instanceof ConnectException ? Reach.REFUSED : Reach.NO_ANSWER;
            return new Answer(0, "", "", MissingNode.getInstance(), since(start), reach);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "", MissingNode.getInstance(), since(start), Reach.NO_ANSWER);
        }
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
