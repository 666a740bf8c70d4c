package org.acme.benchmarks;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * What RabbitMQ takes the way the relay publishes: persistent messages of an event's size to a
 * topic exchange and on to a quorum queue, with publisher confirms — awaited per batch of 500
 * (pipelined, as the relay does) and one at a time. The ceiling the relay sits on.
 */
final class BrokerLimit {

    static final int BATCH = 500;
    private static final String EXCHANGE = "bench.limits";
    private static final byte[] BODY = ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"ProductAdded\",\"kind\":\"integration\","
            + "\"timestamp\":\"2026-01-01T00:00:00Z\",\"payload\":{\"productId\":\"" + UUID.randomUUID() + "\",\"name\":\"Laptop\","
            + "\"price\":999.5,\"category\":\"computers\"},\"metadata\":{\"schemaVersion\":2,\"outcome\":\"accepted\","
            + "\"publisher\":\"catalog\",\"aggregateType\":\"Product\",\"aggregateId\":\"" + UUID.randomUUID()
            + "\",\"aggregateVersion\":1,\"commandType\":\"AddProduct\",\"commandId\":\"" + UUID.randomUUID()
            + "\",\"correlationId\":\"bench\",\"causationId\":\"bench\"}}").getBytes(StandardCharsets.UTF_8);

    void measure(Settings settings, Figures figures) throws Exception {
        figures.put("broker confirmed publishes/s, pipelined (batches of " + BATCH + ")", publishesPerSecond(settings, BATCH));
        figures.put("broker confirmed publishes/s, one at a time", publishesPerSecond(settings, 1));
    }

    private static long publishesPerSecond(Settings settings, int batch) throws Exception {
        try (Connection connection = Servers.broker("bench-limits"); Channel channel = connection.createChannel()) {
            String queue = "bench.limits." + batch;
            channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
            channel.queueDelete(queue);
            channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind(queue, EXCHANGE, "limits." + batch);
            channel.confirmSelect();
            AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2)
                    .contentType("application/json").build();
            long published = 0;
            long start = System.nanoTime();
            long end = start + settings.limitRun().toNanos();
            while (System.nanoTime() < end) {
                for (int i = 0; i < batch; i++) {
                    channel.basicPublish(EXCHANGE, "limits." + batch, true, persistent, BODY);
                }
                channel.waitForConfirmsOrDie(30_000);
                published += batch;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            channel.queueDelete(queue);
            return Math.round(published / seconds);
        }
    }
}
