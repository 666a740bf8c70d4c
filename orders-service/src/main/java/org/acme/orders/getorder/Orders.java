package org.acme.orders.getorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.orders.order.OrderState;
import org.acme.orders.order.OrderStatus;

/** Reads the order summaries ({@link OrdersProjection} writes them). */
@ApplicationScoped
public class Orders implements PanacheRepositoryBase<OrderSummary, UUID> {

    private static final TypeReference<List<OrderState.Line>> LINES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public Orders(ObjectMapper json) {
        this.json = json;
    }

    @WithSession
    public Uni<Optional<OrderState>> find(UUID id) {
        return findById(id).onItem().transform(summary -> Optional.ofNullable(summary).map(this::state));
    }

    /** The most recent orders first, at most {@code limit}. */
    @WithSession
    public Uni<List<OrderState>> latest(int limit) {
        return findAll(Sort.descending("placedAt").and("id")).page(Page.ofSize(limit)).list()
                .onItem().transform(summaries -> summaries.stream().map(this::state).toList());
    }

    String linesJson(OrderState order) {
        try {
            return json.writeValueAsString(order.lines());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lines of order " + order.id(), e);
        }
    }

    private OrderState state(OrderSummary summary) {
        try {
            return new OrderState(summary.id, summary.customerId, OrderStatus.valueOf(summary.status),
                    json.readValue(summary.lines, LINES), summary.total, summary.version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the lines of order " + summary.id, e);
        }
    }
}
