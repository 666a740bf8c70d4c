package org.acme.infrastructure.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.testing.LocalBroker;
import org.junit.jupiter.api.Test;

/**
 * Someone deletes the queue and declares it again between two topology checks, after the
 * connector's own attempt to subscribe again has failed: every check finds the queue, and nothing
 * consumes it. That is reported as a lost consumer after a few checks, not left silent. An
 * application of its own, since this one stops consuming; the test runs the checks itself (the
 * timer's interval is longer than the test).
 */
@QuarkusTest
@TestProfile(SubscriptionWithoutConsumerTest.OwnApplication.class)
class SubscriptionWithoutConsumerTest {

    /** An application of its own, set up like the other test's: what follows leaves it without a consumer. */
    public static class OwnApplication extends SubscriptionConsumerLossTest.OwnApplication {
    }

    private static final String QUEUE = Topology.queueOf("infratest");

    @Inject
    SubscriptionTopology topology;

    @Test
    void whenItsQueueIsDeletedAndDeclaredAgainBetweenChecks_theQueueWithoutConsumerIsReported() throws Exception {
        await().atMost(SubscriptionConsumerLossTest.PATIENCE).until(() -> topology.declared() && consumers() > 0);

        try (Connection connection = LocalBroker.connect("test-delete"); Channel channel = connection.createChannel()) {
            channel.queueDelete(QUEUE);
        }
        Thread.sleep(SubscriptionConsumerLossTest.CONNECTOR_GIVES_UP.toMillis());
        try (Connection connection = LocalBroker.connect("test-redeclare"); Channel channel = connection.createChannel()) {
            Topology.declareSubscriber(channel, "infratest", 5);
        }

        topology.check();
        assertThat(topology.consumerLost()).as("one check without a consumer may be a reconnection").isFalse();
        topology.check();
        topology.check();
        assertThat(topology.consumerLost()).as("three checks in a row without a consumer").isTrue();
        assertThat(consumers()).as("nothing consumes the queue declared again").isZero();
    }

    private static int consumers() throws Exception {
        try (Connection connection = LocalBroker.connect("test-check"); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(QUEUE).getConsumerCount();
        }
    }
}
