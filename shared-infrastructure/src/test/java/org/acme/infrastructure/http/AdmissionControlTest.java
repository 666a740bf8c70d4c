package org.acme.infrastructure.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** More requests than the service handles at once: the one beyond is refused at once, not queued. */
@QuarkusTest
@TestProfile(AdmissionControlTest.TwoInFlight.class)
class AdmissionControlTest {

    /** An application that handles two requests at once. */
    public static class TwoInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("integration-events.http.max-in-flight", "2");
        }
    }

    @Inject
    AdmissionControl admission;

    @TestHTTPResource("/test/held")
    URI held;

    /** On the management interface, which the bound does not cover (the path is under its root, /q). */
    @TestHTTPResource(value = "/health/live", management = true)
    URI health;

    @Test
    void aRequestBeyondTheBound_isRefused503WithRetryAfter_healthIsNot_andTheBoundIsFreedAsRequestsEnd() {
        HeldRequests.release = new CompletableFuture<>();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> inFlight = List.of(
                client.sendAsync(HttpRequest.newBuilder(held).build(), HttpResponse.BodyHandlers.ofString()),
                client.sendAsync(HttpRequest.newBuilder(held).build(), HttpResponse.BodyHandlers.ofString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.inFlight() == 2);

        given().when().get("/test/held").then()
                .statusCode(503)
                .header("Retry-After", "1")
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://acme.org/problems/overloaded"))
                .body("status", equalTo(503));
        given().when().get(health).then().statusCode(200);

        HeldRequests.release.complete("done");
        assertThat(inFlight).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.inFlight() == 0);
        given().when().get("/test/held").then().statusCode(200).body(equalTo("done"));
    }
}
