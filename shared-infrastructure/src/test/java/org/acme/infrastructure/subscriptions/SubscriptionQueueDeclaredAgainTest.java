package org.acme.infrastructure.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.testing.LocalBroker;
import org.acme.infrastructure.testing.TestMessages;
import org.acme.integrationevents.infratest.Greeted;
import org.junit.jupiter.api.Test;

/**
 * A quorum queue deleted and declared again within moments can keep the deleted queue's consumer
 * registered, uncancelled, and hand it messages it never delivers (RabbitMQ 3.10, decision 0023).
 * So the topology check that finds its queue gone lets the broker cancel that consumer before it
 * declares the queue again. An application of its own: the deletion ends its consumption.
 */
@QuarkusTest
@TestProfile(SubscriptionQueueDeclaredAgainTest.OwnApplication.class)
class SubscriptionQueueDeclaredAgainTest {

    /** A separate application, whose timer never checks during the test (the test runs the check). */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("integration-events.subscriptions.topology-check-interval", "10m");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    SubscriptionTopology topology;

    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads rows directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;

    @Test
    void aQueueFoundGone_isDeclaredAgainOnlyAfterAPause_andWhatComesNextIsHandledOrWaits() throws Exception {
        await().atMost(PATIENCE).until(() -> topology.declared());
        try (Connection connection = LocalBroker.connect("test-delete"); Channel channel = connection.createChannel()) {
            channel.queueDelete(Topology.queueOf("infratest"));
        }
        Instant deleted = Instant.now();
        CompletableFuture<Instant> back = CompletableFuture.supplyAsync(SubscriptionQueueDeclaredAgainTest::whenTheQueueIsBack);

        topology.check(); // right after the deletion, as a check that happens to come then

        assertThat(Duration.between(deleted, back.get(10, TimeUnit.SECONDS)))
                .as("the queue is declared again once the broker had time to cancel its consumers")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        String name = "after-the-deletion-" + UUID.randomUUID();
        TestMessages.publish(TestMessages.envelope(new Greeted(name), "infratest", "Greeter", name, 1L));
        Thread.sleep(2_000);
        int ready;
        try (Connection connection = LocalBroker.connect("test-look"); Channel channel = connection.createChannel()) {
            ready = channel.queueDeclarePassive(Topology.queueOf("infratest")).getMessageCount();
        }
        int handled = SubscriptionTest.countOf(dataSource, name);
        assertThat(handled == 1 || ready == 1)
                .as("the greeting is handled (a consumer of the new queue) or waits in it; never held by a consumer"
                        + " that will not deliver it (handled %d times, %d ready)", handled, ready)
                .isTrue();
    }

    /** Looks every 10 ms (a 404 closes the channel: a new one each time). */
    private static Instant whenTheQueueIsBack() {
        try (Connection connection = LocalBroker.connect("test-watch")) {
            while (true) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDeclarePassive(Topology.queueOf("infratest"));
                    return Instant.now();
                } catch (IOException notYet) {
                    Thread.sleep(10);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
