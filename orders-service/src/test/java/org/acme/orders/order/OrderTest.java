package org.acme.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandRejected;
import org.junit.jupiter.api.Test;

/** Decisions of the Order aggregate: given events, when a command, then events or a refusal. */
class OrderTest {

    private static final UUID ORDER = UUID.fromString("0a0b0c0d-1e1f-4a2b-8c3d-4e5f6a7b8c9d");
    private static final UUID CUSTOMER = UUID.fromString("c0c0c0c0-1111-4222-8333-444444444444");
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final List<OrderLine> LINES = List.of(
            new OrderLine(UUID.fromString("11111111-1111-4111-8111-111111111111"), "Pen", 3, new BigDecimal("1.50")),
            new OrderLine(UUID.fromString("22222222-2222-4222-8222-222222222222"), "Ink", 2, new BigDecimal("4.25")));

    private static OrderPlacedEvent placed() {
        return new OrderPlacedEvent(ORDER, CUSTOMER, LINES, new BigDecimal("13.00"), "alice", AT);
    }

    private static Order given(OrderEvent... history) {
        return Order.rehydrate(List.of(history));
    }

    @Test
    void givenNothing_whenPlace_thenOrderPlaced_withItsTotal() {
        Order order = Order.place(ORDER, CUSTOMER, LINES, "alice", AT);

        assertThat(order.changes()).containsExactly(placed());
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void givenAPendingOrder_whenConfirmed_thenConfirmed() {
        Order order = given(placed());

        order.confirm(AT);

        assertThat(order.changes()).containsExactly(new OrderConfirmedEvent(ORDER, AT));
    }

    @Test
    void givenAPendingOrder_whenRejected_thenRejected() {
        Order order = given(placed());

        order.reject("not enough stock", AT);

        assertThat(order.changes()).containsExactly(new OrderRejectedEvent(ORDER, "not enough stock", AT));
    }

    @Test
    void givenACancelledOrder_whenALateConfirmationArrives_thenNothingChanges() {
        Order order = given(placed(), new OrderCancelledEvent(ORDER, OrderStatus.PENDING, "alice", AT));

        order.confirm(AT);
        order.reject("late", AT);

        assertThat(order.changes()).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void givenAConfirmedOrder_whenCancelled_thenCancelled_rememberingItWasConfirmed() {
        Order order = given(placed(), new OrderConfirmedEvent(ORDER, AT));

        order.cancel("bob", AT);

        assertThat(order.changes()).containsExactly(new OrderCancelledEvent(ORDER, OrderStatus.CONFIRMED, "bob", AT));
    }

    @Test
    void givenAShippedOrder_whenCancelled_thenRejectedBecauseOfItsState() {
        Order order = given(placed(), new OrderConfirmedEvent(ORDER, AT), new OrderShippedEvent(ORDER, "carol", AT));

        assertThatThrownBy(() -> order.cancel("bob", AT))
                .isInstanceOfSatisfying(CommandRejected.class,
                        rejected -> assertThat(rejected.kind()).isEqualTo(CommandRejected.Kind.CONFLICTING_STATE))
                .hasMessage("cannot cancel an order in status SHIPPED");
    }

    @Test
    void givenAConfirmedOrder_whenShipped_thenShipped() {
        Order order = given(placed(), new OrderConfirmedEvent(ORDER, AT));

        order.ship("carol", AT);

        assertThat(order.changes()).containsExactly(new OrderShippedEvent(ORDER, "carol", AT));
    }

    @Test
    void givenAPendingOrCancelledOrder_whenShipped_thenRejected() {
        assertThatThrownBy(() -> given(placed()).ship("carol", AT)).hasMessageContaining("status PENDING");
        assertThatThrownBy(() -> given(placed(), new OrderCancelledEvent(ORDER, OrderStatus.PENDING, "a", AT)).ship("carol", AT))
                .hasMessageContaining("status CANCELLED");
    }
}
