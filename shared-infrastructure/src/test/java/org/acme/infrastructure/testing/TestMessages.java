package org.acme.infrastructure.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.acme.infrastructure.rabbitmq.Topology;

/**
 * Publishes raw messages to a real exchange as another context would, including ones no
 * well-behaved publisher would send (broken JSON, unknown versions, duplicates).
 */
public final class TestMessages {

    private TestMessages() {
    }

    public static void publish(String publisherContext, String routingKey, String messageId, String type, String body)
            throws Exception {
        try (Connection connection = LocalBroker.connect("test-publisher");
             Channel channel = connection.createChannel()) {
            Topology.declarePublisher(channel, publisherContext);
            channel.confirmSelect();
            channel.basicPublish(Topology.exchangeOf(publisherContext), routingKey, true,
                    new AMQP.BasicProperties.Builder()
                            .messageId(messageId)
                            .type(type)
                            .contentType("application/json")
                            .deliveryMode(2)
                            .build(),
                    body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
