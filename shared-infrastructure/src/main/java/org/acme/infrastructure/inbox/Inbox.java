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

    /**
     * Records that a subscriber is applying an event, and answers false if it already did. A
     * concurrent first delivery waits on the key and then answers false.
     */
    public Uni<Boolean> recordFirstDelivery(String subscriber, UUID eventId, String eventType) {
        return sql.update("INSERT INTO inbox (subscriber, event_id, event_type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                subscriber, eventId, eventType).onItem().transform(inserted -> inserted == 1);
    }

    /** One subscriber applying one event. */
    public record Delivery(String subscriber, UUID eventId, String eventType) {
    }

    /**
     * Records several deliveries in one statement, and answers those that are first deliveries: a
     * batch's inbox rows in one round trip instead of one each. The same waits and answers as
     * {@link #recordFirstDelivery} for each of them.
     */
    public Uni<Set<Delivery>> recordFirstDeliveries(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Object> parameters = new ArrayList<>(3 * deliveries.size());
        deliveries.forEach(delivery -> parameters.addAll(List.of(delivery.subscriber(), delivery.eventId(), delivery.eventType())));
        String rows = String.join(", ", Collections.nCopies(deliveries.size(), "(?, ?, ?)"));
        return sql.query("WITH recorded AS (INSERT INTO inbox (subscriber, event_id, event_type) VALUES " + rows
                        + " ON CONFLICT DO NOTHING RETURNING subscriber, event_id) SELECT subscriber, event_id FROM recorded",
                        parameters.toArray())
                .map(recorded -> {
                    Set<String> firsts = recorded.stream().map(row -> row.text(0) + " " + row.uuid(1)).collect(Collectors.toSet());
                    return deliveries.stream().filter(delivery -> firsts.contains(delivery.subscriber() + " " + delivery.eventId()))
                            .collect(Collectors.toSet());
                });
    }
}
