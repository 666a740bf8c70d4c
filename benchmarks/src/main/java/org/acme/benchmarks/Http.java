package org.acme.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The benchmark's HTTP client: blocking calls for set-up and closed loops, asynchronous ones for open loops. */
final class Http implements AutoCloseable {

    /** The load comes from a trusted client holding every command's role; the token outlives any run. */
    private static final String AUTHORIZATION = "Bearer " + org.acme.processes.LocalTokens.everyRole("benchmark");

    /** What came back: the status (0 when nothing did), its Retry-After, the body, and how long it took. */
    record Answer(int status, boolean retryAfter, JsonNode body, long nanos) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean refused() {
            return status == 503 || status == 429;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newFixedThreadPool(4, work -> {
        Thread thread = new Thread(work, "bench-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(executor).build();

    Answer get(String url) {
        return sendAsync(HttpRequest.newBuilder(URI.create(url)).GET(), null).join();
    }

    Answer post(String url, Object body, String correlationId) {
        return postAsync(url, body, correlationId).join();
    }

    CompletableFuture<Answer> postAsync(String url, Object body, String correlationId) {
        return sendAsync(HttpRequest.newBuilder(URI.create(url)).header("X-Correlation-Id", correlationId), body);
    }

    private CompletableFuture<Answer> sendAsync(HttpRequest.Builder request, Object body) {
        long start = System.nanoTime();
        request.timeout(TIMEOUT).header("Accept", "application/json").header("Authorization", AUTHORIZATION);
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json(body)));
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Answer(response.statusCode(), response.headers().firstValue("Retry-After").isPresent(),
                        parse(response.body()), System.nanoTime() - start))
                .exceptionally(failure -> new Answer(0, false, JSON.missingNode(), System.nanoTime() - start));
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
