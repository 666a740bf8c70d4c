package org.acme.infrastructure.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.integrationevents.Contracts;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.EnvelopeMetadata;
import org.acme.integrationevents.IntegrationEvent;

/**
 * Publishes raw messages to a real exchange as another context would, connected as that context's
 * own broker user and stamped with it as the validated user-id (as its relay does), including
 * messages no well-behaved publisher would send (broken JSON, unknown versions, duplicates).
 */
public final class TestMessages {

    /** Longer than the subscribers' topology-check-interval (5 s): each has bound by then. */
    private static final java.time.Duration SUBSCRIBERS_BIND_WITHIN = java.time.Duration.ofSeconds(6);

    private TestMessages() {
    }

    public static void publish(String publisherContext, String routingKey, String messageId, String type, String body)
            throws Exception {
        try (Connection connection = LocalBroker.connectAs(publisherContext, "test-publisher");
             Channel channel = connection.createChannel()) {
            declareAsItsRelayDoes(connection, channel, publisherContext);
            channel.confirmSelect();
            channel.basicPublish(Topology.exchangeOf(publisherContext), routingKey, true,
                    properties(publisherContext, messageId, type), body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    /**
     * Declares the publisher's exchange; one that did not exist yet has no binding, so, as a relay
     * does, it waits for the subscribers to bind before publishing.
     */
    private static void declareAsItsRelayDoes(Connection connection, Channel channel, String publisher) throws Exception {
        boolean existed;
        try (Channel probe = connection.createChannel()) {
            probe.exchangeDeclarePassive(Topology.exchangeOf(publisher));
            existed = true;
        } catch (java.io.IOException notFound) {
            existed = false; // the broker closed the probe with 404
        }
        Topology.declarePublisher(channel, publisher);
        if (!existed) {
            Thread.sleep(SUBSCRIBERS_BIND_WITHIN.toMillis());
        }
    }

    /** The properties the relay sets, with the publisher's user as user-id. */
    public static AMQP.BasicProperties properties(String publisherContext, String messageId, String type) {
        return new AMQP.BasicProperties.Builder()
                .messageId(messageId)
                .type(type)
                .contentType("application/json")
                .deliveryMode(2)
                .userId(publisherContext)
                .build();
    }

    /** An event as its publisher would wrap it, about the given version of an aggregate. */
    public static Envelope envelope(IntegrationEvent event, String publisher, String aggregateType, Object aggregateId,
                                    Long aggregateVersion) {
        return Envelope.wrap(UUID.randomUUID(), Instant.now(), event, EnvelopeMetadata.from(publisher)
                .aggregate(aggregateType, aggregateId, aggregateVersion)
                .correlation("test-" + UUID.randomUUID(), null));
    }

    /** Publishes an envelope to its publisher's exchange under its routing key, as the relay would. */
    public static void publish(Envelope envelope) throws Exception {
        publish(envelope.metadata().publisher(), envelope.routingKey(), envelope.id().toString(), envelope.type(),
                EnvelopeCodec.encodeToString(envelope));
    }

    /** Publishes envelopes as {@link #publish(Envelope)} does, over one channel: a backlog, built faster than it is consumed. */
    public static void publishAll(List<Envelope> envelopes) throws Exception {
        String publisher = envelopes.get(0).metadata().publisher();
        try (Connection connection = LocalBroker.connectAs(publisher, "test-publisher");
             Channel channel = connection.createChannel()) {
            declareAsItsRelayDoes(connection, channel, publisher);
            channel.confirmSelect();
            for (Envelope envelope : envelopes) {
                channel.basicPublish(Topology.exchangeOf(publisher), envelope.routingKey(), true,
                        properties(publisher, envelope.id().toString(), envelope.type()),
                        EnvelopeCodec.encodeToString(envelope).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(30_000);
        }
    }

    /**
     * The envelope as a publisher of an older version would have sent it: the payload holds only
     * the fields that version has (see {@code @Since}) and the metadata names that version.
     */
    public static Envelope asVersion(Envelope envelope, Class<? extends IntegrationEvent> contract, int version) {
        ObjectNode payload = ((ObjectNode) envelope.payload()).deepCopy();
        payload.retain(Contracts.fieldsOf(contract, version).stream().map(RecordComponent::getName).toList());
        EnvelopeMetadata metadata = envelope.metadata();
        return new Envelope(envelope.id(), envelope.type(), envelope.kind(), envelope.timestamp(), payload,
                new EnvelopeMetadata(version, metadata.outcome(), metadata.publisher(), metadata.aggregateType(),
                        metadata.aggregateId(), metadata.aggregateVersion(), metadata.commandType(), metadata.commandId(),
                        metadata.correlationId(), metadata.causationId(), metadata.expectedVersion(),
                        metadata.currentVersion()));
    }

    /** The same envelope claiming another schema version (one no subscriber may know). */
    public static String withSchemaVersion(Envelope envelope, int version) {
        return EnvelopeCodec.encodeToString(envelope)
                .replace("\"schemaVersion\":" + envelope.schemaVersion(), "\"schemaVersion\":" + version);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
