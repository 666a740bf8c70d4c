package org.acme.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * When orders recorded each order CONFIRMED: the time of its OrderConfirmedEvent in the orders
 * event store (taken as the confirmation is handled, on this machine's clock), read after a run so
 * that timing the saga adds no load to it.
 */
final class Confirmations implements AutoCloseable {

    private static final String CONFIRMED = "OrderConfirmedEvent";

    private final Connection orders;
    private long after;

    private Confirmations(Connection orders) {
        this.orders = orders;
    }

    /** Counts only what is recorded from now on. */
    static Confirmations fromNow() throws Exception {
        Confirmations confirmations = new Confirmations(Servers.database("orders", Deployment.database("orders")));
        try (PreparedStatement last = confirmations.orders.prepareStatement("SELECT coalesce(max(position), 0) FROM events");
             ResultSet row = last.executeQuery()) {
            row.next();
            confirmations.after = row.getLong(1);
        }
        return confirmations;
    }

    int count() throws Exception {
        try (PreparedStatement count = orders.prepareStatement(
                "SELECT count(*) FROM events WHERE position > ? AND event_type = '" + CONFIRMED + "'")) {
            count.setLong(1, after);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Each confirmed order's id and when it was confirmed, in epoch milliseconds. */
    Map<UUID, Long> confirmedAt() throws Exception {
        Map<UUID, Long> confirmed = new HashMap<>();
        try (PreparedStatement read = orders.prepareStatement(
                "SELECT stream_id, recorded_at FROM events WHERE position > ? AND event_type = '" + CONFIRMED + "'")) {
            read.setLong(1, after);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    confirmed.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).getTime());
                }
            }
        }
        return confirmed;
    }

    @Override
    public void close() throws Exception {
        orders.close();
    }
}
