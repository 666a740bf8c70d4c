package org.acme.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A queue of the benchmark's own on a publisher's exchange: when each message arrived (by the
 * correlation id of the command that caused it), and how long after its event's timestamp.
 */
final class Tap implements AutoCloseable {

    /** One message's arrival: on this JVM's clock, and after the event's timestamp (the command's time). */
    record Arrival(long nanoTime, long millisAfterEvent) {
    }

    private final Connection connection;
    private final Map<String, Arrival> byCorrelation = new ConcurrentHashMap<>();

    private Tap(Connection connection) {
        this.connection = connection;
    }

    static Tap on(String exchange, List<String> bindingKeys) throws Exception {
        Tap tap = new Tap(Servers.broker("bench-tap"));
        Channel channel = tap.connection.createChannel();
        String queue = channel.queueDeclare().getQueue();
        for (String key : bindingKeys) {
            channel.queueBind(queue, exchange, key);
        }
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                tap.see(body);
            }
        });
        return tap;
    }

    Arrival arrival(String correlationId) {
        return byCorrelation.get(correlationId);
    }

    int count() {
        return byCorrelation.size();
    }

    private void see(byte[] body) {
        long now = System.nanoTime();
        try {
            JsonNode envelope = Http.JSON.readTree(body);
            String correlation = envelope.path("metadata").path("correlationId").asText();
            long after = System.currentTimeMillis() - Instant.parse(envelope.path("timestamp").asText()).toEpochMilli();
            byCorrelation.putIfAbsent(correlation, new Arrival(now, after));
        } catch (IOException | RuntimeException unreadable) {
            // Not an envelope: not ours to time.
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
