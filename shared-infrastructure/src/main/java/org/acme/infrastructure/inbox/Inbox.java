package org.acme.infrastructure.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The events each subscriber has already applied. Recording an event and applying it share one
 * transaction, so a redelivered event is recognised and skipped, and a crash before commit leaves
 * neither the effect nor the record.
 */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that a subscriber is applying an event, and answers false if it already did. A
     * concurrent first delivery waits on the key and then answers false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String subscriber, UUID eventId, String eventType) {
        String sql = "INSERT INTO inbox (subscriber, event_id, event_type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, subscriber);
            insert.setObject(2, eventId);
            insert.setString(3, eventType);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + eventType + " " + eventId + " in the inbox", e);
        }
    }
}
