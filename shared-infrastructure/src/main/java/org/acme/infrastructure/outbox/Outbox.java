package org.acme.infrastructure.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.function.Function;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.sql.Sql;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.EnvelopeMetadata;
import org.acme.integrationevents.IntegrationEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records integration events in the transaction of the command that caused them. Nothing is sent
 * here: the {@link OutboxRelay} publishes rows once they are committed, so an event is published
 * if and only if its command committed.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox"
            + " (message_id, event_type, routing_key, aggregate_id, correlation_id, causation_id, occurred_at, envelope)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS json))";

    private final Sql sql;
    private final String publisher;

    public Outbox(Sql sql, @ConfigProperty(name = "integration-events.context") String publisher) {
        this.sql = sql;
        this.publisher = publisher;
    }

    /**
     * Runs an aggregate's decision; when the aggregate refuses the command, records the refusal as
     * its {@code <Command>Rejected} integration event, then lets the refusal propagate (to become a
     * 409 or 422). The caller's transaction must commit on {@link CommandRejected}
     * ({@code @Transactional(dontRollbackOn = CommandRejected.class)}): it then holds only the refusal.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = CommandRejected.class)
    public void decideOrRecordRefusal(Runnable decision, Function<CommandRejected, IntegrationEvent> refusal,
                                      EventOrigin origin) {
        try {
            decision.run();
        } catch (CommandRejected rejected) {
            enqueue(refusal.apply(rejected), origin);
            throw rejected;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope enqueue(IntegrationEvent event, EventOrigin origin) {
        Envelope envelope = Envelope.wrap(UUID.randomUUID(), origin.command().at(), event, EnvelopeMetadata.from(publisher)
                .aggregate(origin.aggregateType(), origin.aggregateId(), origin.aggregateVersion())
                .command(origin.commandType(), origin.command().commandId())
                .correlation(origin.command().correlationId(), origin.command().causationId())
                .versions(origin.expectedVersion(), origin.currentVersion()));
        sql.update(INSERT, envelope.id(), envelope.type(), envelope.routingKey(), envelope.metadata().aggregateId(),
                envelope.metadata().correlationId(), envelope.metadata().causationId(), Timestamp.from(envelope.timestamp()),
                EnvelopeCodec.encodeToString(envelope));
        return envelope;
    }
}
