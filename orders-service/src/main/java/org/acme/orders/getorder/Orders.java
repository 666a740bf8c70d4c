package org.acme.orders.getorder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.orders.order.OrderState;
import org.acme.orders.order.OrderStatus;

/** Reads the order summaries the projection keeps. */
@ApplicationScoped
public class Orders {

    private static final String SELECT = "SELECT id, customer_id, status, lines::text, total, version FROM order_summaries";
    private static final TypeReference<List<OrderState.Line>> LINES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public Orders(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Optional<OrderState> find(UUID id) {
        return query(SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    /** The most recent orders first, at most {@code limit}. */
    public List<OrderState> latest(int limit) {
        return query(SELECT + " ORDER BY placed_at DESC, id LIMIT ?", limit);
    }

    private List<OrderState> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<OrderState> orders = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    orders.add(new OrderState(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            OrderStatus.valueOf(rows.getString(3)), json.readValue(rows.getString(4), LINES),
                            rows.getBigDecimal(5), rows.getLong(6)));
                }
            }
            return orders;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read orders", e);
        }
    }
}
