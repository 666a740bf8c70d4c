package org.acme.orders.getorder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.infrastructure.sql.Sql;
import org.acme.orders.order.OrderState;
import org.acme.orders.order.OrderStatus;

/** Reads the order summaries the projection keeps. */
@ApplicationScoped
public class Orders {

    private static final String SELECT = "SELECT id, customer_id, status, lines::text, total, version FROM order_summaries";
    private static final TypeReference<List<OrderState.Line>> LINES = new TypeReference<>() {
    };

    private final Sql sql;
    private final ObjectMapper json;

    public Orders(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public Optional<OrderState> find(UUID id) {
        return query(SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    /** The most recent orders first, at most {@code limit}. */
    public List<OrderState> latest(int limit) {
        return query(SELECT + " ORDER BY placed_at DESC, id LIMIT ?", limit);
    }

    private List<OrderState> query(String statement, Object... parameters) {
        return sql.query(statement, row -> new OrderState(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                OrderStatus.valueOf(row.getString(3)), lines(row.getString(4)), row.getBigDecimal(5), row.getLong(6)),
                parameters);
    }

    private List<OrderState.Line> lines(String json) {
        try {
            return this.json.readValue(json, LINES);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read order lines " + json, e);
        }
    }
}
