package org.acme.infrastructure.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.acme.infrastructure.rabbitmq.Topology;
import org.awaitility.Awaitility;

/**
 * A test's own queue on a real exchange: it records every message the exchange routes to it, so a
 * test can assert on what was really published (count, properties, body).
 */
public final class QueueProbe implements AutoCloseable {

    /** One message as it arrived. */
    public record Received(String routingKey, AMQP.BasicProperties properties, String body) {
    }

    private final Connection connection;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private QueueProbe(Connection connection) {
        this.connection = connection;
    }

    /** Listens to a context's exchange for the given routing-key pattern (e.g. {@code ProductAdded.*}). */
    public static QueueProbe on(String publisherContext, String bindingKey) throws IOException, TimeoutException {
        QueueProbe probe = new QueueProbe(LocalBroker.connect("test-probe"));
        Channel channel = probe.connection.createChannel();
        Topology.declarePublisher(channel, publisherContext);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, Topology.exchangeOf(publisherContext), bindingKey);
        channel.basicConsume(queue, true, probe.recorder(channel));
        return probe;
    }

    /** Reads an existing queue (a DLQ, say) without removing its messages for others: it consumes them. */
    public static QueueProbe ofQueue(String queue) throws IOException, TimeoutException {
        QueueProbe probe = new QueueProbe(LocalBroker.connect("test-probe"));
        Channel channel = probe.connection.createChannel();
        channel.basicConsume(queue, true, probe.recorder(channel));
        return probe;
    }

    private DefaultConsumer recorder(Channel channel) {
        return new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                received.add(new Received(envelope.getRoutingKey(), properties, new String(body, StandardCharsets.UTF_8)));
            }
        };
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> matching(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} matching messages arrived, and answers all that match. */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> matching(filter).size() >= count);
        return matching(filter);
    }

    public static Predicate<Received> bodyContains(String text) {
        return message -> message.body().contains(text);
    }

    @Override
    public void close() throws IOException {
        if (connection.isOpen()) {
            connection.close();
        }
    }
}
