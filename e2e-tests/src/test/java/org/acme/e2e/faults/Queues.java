package org.acme.e2e.faults;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.testing.LocalBroker;

/** The services' queues as the broker sees them right now. */
final class Queues {

    private Queues() {
    }

    /** Messages ready in a queue, or -1 when the queue does not exist. */
    static long ready(String queue) throws IOException, TimeoutException {
        try (Connection connection = LocalBroker.connect("fault-suite-queues", Cluster.VIRTUAL_HOST);
             Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException missing) {
            return -1;
        }
    }

    /** Waits until the subscriber's queue has nothing ready, then a little longer for the one in hand. */
    static void awaitConsumed(String subscriber, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (ready(subscriber + ".integration-events") != 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(subscriber + " did not consume its queue within " + timeout);
            }
            Thread.sleep(100);
        }
        Thread.sleep(1_000);
    }
}
