package org.acme.infrastructure.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
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
}
