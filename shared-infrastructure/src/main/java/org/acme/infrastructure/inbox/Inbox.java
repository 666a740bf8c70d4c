package org.acme.infrastructure.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.acme.infrastructure.sql.Sql;

/**
 * The events each subscriber has already applied. Recording an event and applying it share one
 * transaction (the caller's session), so a redelivered event is recognised and skipped, and a crash
 * before commit leaves neither the effect nor the record.
 */
@ApplicationScoped
public class Inbox {

    private final Sql sql;

    public Inbox(Sql sql) {
        this.sql = sql;
    }

    /** One subscriber applying one event. */
    public record Delivery(String subscriber, UUID eventId, String eventType) {
    }

    /**
     * Records that subscribers are applying events, all in one statement (a batch's rows in one round
     * trip), and answers the deliveries that are first ones: an event a subscriber already applied is
     * left out. A concurrent first delivery of the same event waits on its key, then is left out.
     */
    public Uni<Set<Delivery>> recordFirstDeliveries(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Object> parameters = new ArrayList<>(3 * deliveries.size());
        deliveries.forEach(delivery -> parameters.addAll(List.of(delivery.subscriber(), delivery.eventId(), delivery.eventType())));
        String rows = String.join(", ", Collections.nCopies(deliveries.size(), "(?, ?, ?)"));
        return sql.query("WITH recorded AS (INSERT INTO inbox (subscriber, event_id, event_type) VALUES " + rows
                        + " ON CONFLICT DO NOTHING RETURNING subscriber, event_id, event_type) SELECT * FROM recorded",
                        parameters.toArray())
                .map(recorded -> recorded.stream().map(row -> new Delivery(row.text(0), row.uuid(1), row.text(2)))
                        .collect(Collectors.toSet()));
    }
}
