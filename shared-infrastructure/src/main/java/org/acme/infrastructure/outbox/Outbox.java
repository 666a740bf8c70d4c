package org.acme.infrastructure.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.sql.Sql;
import org.acme.infrastructure.tracing.MessageTracing;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.EnvelopeMetadata;
import org.acme.integrationevents.IntegrationEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records integration events in the transaction of the command that caused them (the caller's
 * reactive session). Nothing is sent here: the {@link OutboxRelay} publishes rows once they are
 * committed, so an event is published if and only if its command committed. Each row keeps the trace
 * of the command that wrote it, when tracing is on.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox"
            + " (message_id, event_type, routing_key, aggregate_id, correlation_id, causation_id, occurred_at, envelope, trace_parent)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(CAST(? AS text) AS json), ?)";

    private final Sql sql;
    private final MessageTracing tracing;
    private final String publisher;

    public Outbox(Sql sql, MessageTracing tracing, @ConfigProperty(name = "integration-events.context") String publisher) {
        this.sql = sql;
        this.tracing = tracing;
        this.publisher = publisher;
    }

    public Uni<Envelope> enqueue(IntegrationEvent event, EventOrigin origin) {
        Envelope envelope = Envelope.wrap(UUID.randomUUID(), origin.command().at(), event, EnvelopeMetadata.from(publisher)
                .aggregate(origin.aggregateType(), origin.aggregateId(), origin.aggregateVersion())
                .command(origin.commandType(), origin.command().commandId())
                .correlation(origin.command().correlationId(), origin.command().causationId())
                .versions(origin.expectedVersion(), origin.currentVersion()));
        return sql.update(INSERT, envelope.id(), envelope.type(), envelope.routingKey(), envelope.metadata().aggregateId(),
                        envelope.metadata().correlationId(), envelope.metadata().causationId(), envelope.timestamp(),
                        EnvelopeCodec.encodeToString(envelope), tracing.currentTraceParent())
                .replaceWith(envelope);
    }

    /**
     * Records a refused command as its {@code <Command>Rejected} event and answers the refusal as the
     * command's outcome: the transaction commits with that event alone.
     */
    public <T> Uni<Outcome<T>> refuse(CommandRejected refusal, IntegrationEvent rejected, EventOrigin origin) {
        return enqueue(rejected, origin).replaceWith(Outcome.refused(refusal));
    }
}
