package org.acme.infrastructure.subscriptions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.testing.LocalBroker;
import org.junit.jupiter.api.Test;

/**
 * Someone deletes the service's queue: the broker cancels its consumer, which the connector cannot
 * resume once its one attempt to subscribe again has failed. The next topology check finds the queue
 * gone, declares it and its bindings again, and reports the loss (a service exits for its supervisor
 * to start it again; the fault suite shows it consuming again). An application of its own, since
 * this one stops consuming; the test runs the check itself, after the connector gave up (with the
 * timer's check racing the connector, the connector could find the queue back and resume).
 */
@QuarkusTest
@TestProfile(SubscriptionConsumerLossTest.OwnApplication.class)
class SubscriptionConsumerLossTest {

    /** A separate application, whose timer never checks during the test (the test runs the check). */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("integration-events.subscriptions.topology-check-interval", "10m");
        }
    }

    static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Longer than the connector's one attempt to subscribe again, a second after the cancel. */
    static final Duration CONNECTOR_GIVES_UP = Duration.ofSeconds(3);

    /** On the management interface: the path is under its root, /q. */
    @TestHTTPResource(value = "/health/group/messaging", management = true)
    java.net.URI messagingHealth;

    @Inject
    SubscriptionTopology topology;

    @Test
    void whenItsQueueIsDeleted_theTopologyIsDeclaredAgain_andTheLostConsumerIsReported() throws Exception {
        await().atMost(PATIENCE).until(() -> topology.declared());
        await().atMost(PATIENCE).until(() -> "UP".equals(subscriptionHealth()));

        try (Connection connection = LocalBroker.connect("test-delete"); Channel channel = connection.createChannel()) {
            channel.queueDelete(Topology.queueOf("infratest"));
        }

        Thread.sleep(CONNECTOR_GIVES_UP.toMillis());
        topology.check();

        assertThat(topology.consumerLost()).isTrue();
        try (Connection connection = LocalBroker.connect("test-check"); Channel channel = connection.createChannel()) {
            assertThat(channel.queueDeclarePassive(Topology.queueOf("infratest")).getQueue()).isEqualTo("infratest.integration-events");
        }
        assertThat(subscriptionHealth()).isEqualTo("DOWN");
    }

    /** The subscription's own check in the messaging group (this application runs no relay). */
    private String subscriptionHealth() {
        return given().accept("application/json").when().get(messagingHealth).then().extract()
                .path("checks.find { it.name == 'subscription' }.status");
    }
}
