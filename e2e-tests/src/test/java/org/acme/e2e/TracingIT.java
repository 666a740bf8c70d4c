package org.acme.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.acme.infrastructure.testing.LocalBroker;
import org.acme.processes.TraceCollector.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One order is one trace, across the broker: the client's {@code traceparent} is continued by
 * {@code POST /orders}, carried by the outbox row to the relay's publish of {@code OrderPlaced} (its
 * header), continued by inventory's handling, by inventory's publish of {@code StockReserved}, and by
 * orders' handling of it — each span the child of the one before, as the collector receives them.
 */
@WithRunningSystem
class TracingIT {

    private static RunningSystem system;
    private static Storefront shop;

    @BeforeAll
    static void system(RunningSystem running) {
        system = running;
        shop = new Storefront(running);
    }

    @Test
    void anOrder_isOneTrace_fromItsPost_acrossBothContexts_toItsConfirmation() throws Exception {
        UUID product = shop.aStockedProduct("Traced lamp", 12.00, 5);
        String traceId = hex(16);
        String clientSpan = hex(8);

        try (Connection connection = LocalBroker.connect("e2e-trace-tap", RunningSystem.VIRTUAL_HOST);
             Channel tap = connection.createChannel()) {
            String queue = tap.queueDeclare().getQueue();
            tap.queueBind(queue, "orders.events", "OrderPlaced.*");
            tap.queueBind(queue, "inventory.events", "StockReserved.*");

            List<GetResponse> tapped = new ArrayList<>();
            UUID order = shop.placeOrder(shop.orders().header("traceparent", "00-" + traceId + "-" + clientSpan + "-01"), product, 2);
            shop.awaitOrderStatus(order, "CONFIRMED");

            String placed = await().atMost(Storefront.PROPAGATION).until(() -> traceParentOf(tap, queue, tapped, "OrderPlaced", order),
                    Optional::isPresent).get();
            String reserved = await().atMost(Storefront.PROPAGATION).until(() -> traceParentOf(tap, queue, tapped, "StockReserved", order),
                    Optional::isPresent).get();
            assertThat(traceIdOf(placed)).as("OrderPlaced's traceparent header").isEqualTo(traceId);
            assertThat(traceIdOf(reserved)).as("StockReserved's traceparent header").isEqualTo(traceId);

            List<ReceivedSpan> trace = await().atMost(Storefront.PROPAGATION).until(() -> system.traces().trace(traceId),
                    spans -> spans.stream().anyMatch(span -> span.service().equals("orders-service") && span.kind().equals("SPAN_KIND_CONSUMER")));
            ReceivedSpan post = only(trace, "orders-service", "SPAN_KIND_SERVER");
            ReceivedSpan publishPlaced = only(trace, "orders-service", "SPAN_KIND_PRODUCER");
            ReceivedSpan handlePlaced = only(trace, "inventory-service", "SPAN_KIND_CONSUMER");
            ReceivedSpan publishReserved = only(trace, "inventory-service", "SPAN_KIND_PRODUCER");
            ReceivedSpan handleReserved = only(trace, "orders-service", "SPAN_KIND_CONSUMER");

            assertThat(post.name()).contains("POST").contains("/orders");
            assertThat(post.parentSpanId()).as("the POST continues the client's span").isEqualTo(clientSpan);
            assertThat(publishPlaced.parentSpanId()).as("the relay's publish, child of the command that wrote the row")
                    .isEqualTo(post.spanId());
            assertThat(spanIdOf(placed)).as("the header names the publish span").isEqualTo(publishPlaced.spanId());
            assertThat(handlePlaced.parentSpanId()).as("inventory's handling, child of the publish").isEqualTo(publishPlaced.spanId());
            assertThat(publishReserved.parentSpanId()).as("inventory's publish, child of its handling")
                    .isEqualTo(handlePlaced.spanId());
            assertThat(spanIdOf(reserved)).isEqualTo(publishReserved.spanId());
            assertThat(handleReserved.parentSpanId()).as("orders confirming, child of inventory's publish")
                    .isEqualTo(publishReserved.spanId());
            assertThat(trace).as("no span of the saga failed").noneMatch(ReceivedSpan::error);
        }
    }

    /** The traceparent header of the tapped event of that type about that order, once it came. */
    private static Optional<String> traceParentOf(Channel tap, String queue, List<GetResponse> tapped, String type, UUID order)
            throws IOException {
        GetResponse message;
        while ((message = tap.basicGet(queue, true)) != null) {
            tapped.add(message);
        }
        return tapped.stream()
                .filter(event -> type.equals(event.getProps().getType())
                        && new String(event.getBody(), StandardCharsets.UTF_8).contains(order.toString()))
                .map(event -> String.valueOf(event.getProps().getHeaders().get("traceparent")))
                .findFirst();
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, String service, String kind) {
        List<ReceivedSpan> found = trace.stream().filter(span -> span.service().equals(service) && span.kind().equals(kind)).toList();
        assertThat(found).as("%s's %s span in %s", service, kind, trace).hasSize(1);
        return found.get(0);
    }

    private static String traceIdOf(String traceParent) {
        return traceParent.split("-")[1];
    }

    private static String spanIdOf(String traceParent) {
        return traceParent.split("-")[2];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
