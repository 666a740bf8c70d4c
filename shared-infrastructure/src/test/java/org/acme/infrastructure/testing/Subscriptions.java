package org.acme.infrastructure.testing;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.subscriptions.Subscription;

/**
 * Waits for a service's subscription to have handled what was published to its queue. Messages
 * about different aggregates may be handled side by side (a batch that failed: each alone), so a later
 * message being applied says nothing of an earlier one: a test waits for the queue and the subscription to be empty instead.
 */
public final class Subscriptions {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration STILL_FOR = Duration.ofMillis(300);

    private Subscriptions() {
    }

    /**
     * Waits until the context's queue holds nothing ready and its subscription nothing unsettled,
     * and both stay so for a moment (a message can be on its way from the one to the other).
     */
    public static void awaitHandled(Subscription subscription, String context) {
        await().atMost(PATIENCE).during(STILL_FOR).pollInterval(Duration.ofMillis(50))
                .until(() -> ready(Topology.queueOf(context)) == 0 && subscription.inHand() == 0);
    }

    private static long ready(String queue) throws Exception {
        try (Connection connection = LocalBroker.connect("test-queue-depth"); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }
}
