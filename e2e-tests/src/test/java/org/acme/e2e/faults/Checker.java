package org.acme.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.acme.e2e.faults.Operation.Kind;
import org.acme.e2e.faults.Operation.Outcome;
import org.acme.e2e.faults.Verdict.Finding;
import org.acme.infrastructure.testing.LocalBroker;

/**
 * Compares what the system ended with against what the acknowledged commands imply, once it has
 * drained: every OK command applied, once; every FAILED one not at all; an UNKNOWN one at most once;
 * stock reserved for exactly the confirmed orders; every outbox row on the broker, each aggregate's
 * events in order; the views equal to the catalog. It reads the services over HTTP, their
 * databases, the broker and the {@link Tap}: the state as anyone outside the code would see it.
 */
final class Checker {

    private static final List<String> SUBSCRIBERS = List.of("orders", "inventory");

    /** An order as orders keeps it: status and quantity per product. */
    private record Order(UUID id, UUID customer, String status, Map<UUID, Integer> lines) {
    }

    private final Cluster cluster;
    private final Workload workload;
    private final Tap tap;
    private final Http http = new Http(Duration.ofSeconds(10));

    Checker(Cluster cluster, Workload workload, Tap tap) {
        this.cluster = cluster;
        this.workload = workload;
        this.tap = tap;
    }

    /** The verdict once it is settled, or the last one at the deadline; with how long settling took. */
    record Settled(Verdict verdict, Duration catchUp, boolean inTime) {
    }

    /** Checks again and again until the system has settled (with the expected dead letters) or the time is up. */
    Settled awaitSettled(Instant since, Duration timeout, long expectedDeadLetters) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Verdict verdict;
        while (true) {
            verdict = verdictOrUnreachable();
            if (verdict.settled(expectedDeadLetters)) {
                return new Settled(verdict, Duration.between(since, Instant.now()), true);
            }
            if (Instant.now().isAfter(deadline)) {
                return new Settled(verdict, Duration.between(since, Instant.now()), false);
            }
            Thread.sleep(500);
        }
    }

    private Verdict verdictOrUnreachable() {
        try {
            return verdict();
        } catch (IOException | TimeoutException | SQLException | RuntimeException e) {
            Verdict unreachable = new Verdict();
            unreachable.addCount(Finding.IN_FLIGHT, 1);
            unreachable.add(Finding.LOST, "cannot check yet: " + e);
            return unreachable;
        }
    }

    Verdict verdict() throws IOException, TimeoutException, SQLException {
        tap.read();
        Verdict verdict = new Verdict();
        List<Operation> operations = workload.operations();
        Map<UUID, Order> orders = orders();
        Map<UUID, List<Order>> byCustomer = new HashMap<>();
        orders.values().forEach(order -> byCustomer.computeIfAbsent(order.customer(), key -> new ArrayList<>()).add(order));
        for (Operation operation : operations) {
            switch (operation.kind()) {
                case PLACE_ORDER -> checkPlacement(operation, orders, byCustomer, verdict);
                case CANCEL_ORDER -> checkStateChange(operation, orders, "OrderCancelled", "CANCELLED", verdict);
                case SHIP_ORDER -> checkStateChange(operation, orders, "OrderShipped", "SHIPPED", verdict);
                case ADJUST_STOCK -> checkOnce(operation, "StockAdjusted", verdict);
                case UPDATE_PRODUCT -> checkOnce(operation, "ProductUpdated", verdict);
            }
        }
        checkStock(operations, orders, verdict);
        checkViews(verdict);
        checkOutboxes(verdict);
        checkEventStores(verdict);
        checkOrderPerAggregate(verdict);
        checkQueues(verdict);
        return verdict;
    }

    private void checkPlacement(Operation placement, Map<UUID, Order> orders, Map<UUID, List<Order>> byCustomer,
                                Verdict verdict) {
        List<Order> ofCustomer = byCustomer.getOrDefault(placement.customer(), List.of());
        if (ofCustomer.size() > 1) {
            verdict.add(Finding.APPLIED_TWICE, "customer " + placement.customer() + " has " + ofCustomer.size() + " orders for one request");
        }
        if (placement.outcome() == Outcome.FAILED) {
            if (!ofCustomer.isEmpty()) {
                verdict.add(Finding.FAILED_BUT_APPLIED, "placing an order answered " + placement.status()
                        + " but order " + ofCustomer.get(0).id() + " exists");
            }
            return;
        }
        atMostOnce(placement, "OrderPlaced", verdict);
        if (ofCustomer.isEmpty()) {
            if (placement.outcome() == Outcome.OK) {
                verdict.add(Finding.LOST, "order " + placement.subject() + " was accepted (201) but orders does not have it");
            }
            return;
        }
        Order order = ofCustomer.get(0);
        if ("PENDING".equals(order.status())) {
            verdict.add(Finding.LOST, "order " + order.id() + " is still PENDING: OrderPlaced or inventory's answer never arrived");
        }
        if (tap.caused(placement.correlationId(), "OrderPlaced").isEmpty()) {
            verdict.add(Finding.LOST, "order " + order.id() + " exists but its OrderPlaced never reached the broker");
        }
        long answers = tap.caused(placement.correlationId(), "StockReserved").size()
                + tap.caused(placement.correlationId(), "ReserveStockRejected").size();
        if (answers > 1) {
            verdict.add(Finding.APPLIED_TWICE, "inventory answered order " + order.id() + " " + answers + " times");
        }
    }

    private void checkStateChange(Operation change, Map<UUID, Order> orders, String event, String status, Verdict verdict) {
        Order order = orders.get(change.subject());
        if (change.outcome() == Outcome.OK) {
            if (order == null || !status.equals(order.status())) {
                verdict.add(Finding.LOST, change.kind() + " of " + change.subject() + " was accepted but the order is "
                        + (order == null ? "unknown" : order.status()));
            }
        }
        checkOnce(change, event, verdict);
        if (change.kind() == Kind.CANCEL_ORDER && tap.caused(change.correlationId(), "StockReleased").size() > 1) {
            verdict.add(Finding.APPLIED_TWICE, "inventory released the stock of " + change.subject() + " twice");
        }
    }

    /** An OK command's event is on the broker once; a failed one's never; an unknown one's at most once. */
    private void checkOnce(Operation operation, String event, Verdict verdict) {
        List<Tap.Tapped> caused = tap.caused(operation.correlationId(), event);
        if (operation.outcome() == Outcome.OK && caused.isEmpty()) {
            verdict.add(Finding.LOST, operation.kind() + " " + operation.correlationId() + " was accepted but no " + event
                    + " reached the broker");
        }
        if (operation.outcome() == Outcome.FAILED && !caused.isEmpty()) {
            verdict.add(Finding.FAILED_BUT_APPLIED, operation.kind() + " " + operation.correlationId() + " answered "
                    + operation.status() + " but its " + event + " was published");
        }
        atMostOnce(operation, event, verdict);
    }

    private void atMostOnce(Operation operation, String event, Verdict verdict) {
        int published = tap.caused(operation.correlationId(), event).size();
        if (published > 1) {
            verdict.add(Finding.APPLIED_TWICE, operation.kind() + " " + operation.correlationId() + " caused " + published
                    + " different " + event + " events");
        }
    }

    /**
     * Per product: reserved = what confirmed orders hold; on hand = opening stock + applied
     * adjustments - what shipped orders took.
     */
    private void checkStock(List<Operation> operations, Map<UUID, Order> orders, Verdict verdict) {
        for (Shop.Product product : workload.shop().products()) {
            int reserved = 0;
            int shipped = 0;
            for (Order order : orders.values()) {
                int quantity = order.lines().getOrDefault(product.id(), 0);
                reserved += "CONFIRMED".equals(order.status()) ? quantity : 0;
                shipped += "SHIPPED".equals(order.status()) ? quantity : 0;
            }
            int adjusted = operations.stream()
                    .filter(operation -> operation.kind() == Kind.ADJUST_STOCK && product.id().equals(operation.subject()))
                    .filter(operation -> !tap.caused(operation.correlationId(), "StockAdjusted").isEmpty())
                    .mapToInt(Operation::delta)
                    .sum();
            JsonNode stock = http.get(cluster.url("inventory") + "/stock/" + product.id()).body();
            int actualReserved = stock.path("reserved").asInt(-1);
            int actualOnHand = stock.path("onHand").asInt(-1);
            if (actualReserved != reserved) {
                // Too much reserved is a release that never happened (or a reservation for an order that ended);
                // too little, a reservation that never happened. Either way an effect went missing.
                verdict.add(Finding.LOST, "product " + product.id() + " has " + actualReserved
                        + " reserved; its confirmed orders hold " + reserved);
            }
            int onHand = product.openingStock() + adjusted - shipped;
            if (actualOnHand != onHand) {
                verdict.add(Finding.LOST, "product " + product.id() + " has " + actualOnHand + " on hand; expected " + onHand);
            }
        }
    }

    /** The orders' view and the inventory's stock item show the catalog's current name and price. */
    private void checkViews(Verdict verdict) {
        for (Shop.Product product : workload.shop().products()) {
            JsonNode catalog = http.get(cluster.url("catalog") + "/products/" + product.id()).body();
            JsonNode view = http.get(cluster.url("orders") + "/products/" + product.id()).body();
            JsonNode stock = http.get(cluster.url("inventory") + "/stock/" + product.id()).body();
            String name = catalog.path("name").asText();
            if (!name.equals(view.path("name").asText()) || catalog.path("price").decimalValue().compareTo(view.path("price").decimalValue()) != 0) {
                verdict.add(Finding.LOST, "orders shows product " + product.id() + " as " + view.path("name").asText() + " at "
                        + view.path("price").asText() + "; the catalog has " + name + " at " + catalog.path("price").asText());
            }
            if (!name.equals(stock.path("name").asText())) {
                verdict.add(Finding.LOST, "inventory names product " + product.id() + " " + stock.path("name").asText()
                        + "; the catalog " + name);
            }
        }
    }

    /** Every outbox row was published, and what was marked published is on the broker. */
    private void checkOutboxes(Verdict verdict) throws SQLException {
        Map<String, Tap.Tapped> tapped = tap.messages();
        for (String service : Cluster.SERVICES) {
            try (java.sql.Connection database = cluster.openDatabase(service); Statement statement = database.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT message_id::text, event_type, published_at IS NOT NULL FROM outbox")) {
                long unpublished = 0;
                while (rows.next()) {
                    if (!rows.getBoolean(3)) {
                        unpublished++;
                    } else if (!tapped.containsKey(rows.getString(1))) {
                        verdict.add(Finding.LOST, service + " marked " + rows.getString(2) + " " + rows.getString(1)
                                + " published, but the broker never had it");
                    }
                }
                verdict.addCount(Finding.IN_FLIGHT, unpublished);
            }
        }
    }

    /** A subscriber's reaction to one integration event is one command in its event store, not two. */
    private void checkEventStores(Verdict verdict) throws SQLException {
        for (String service : SUBSCRIBERS) {
            try (java.sql.Connection database = cluster.openDatabase(service); Statement statement = database.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT metadata->>'causationId', count(DISTINCT metadata->>'commandId')"
                         + " FROM events WHERE metadata->>'causationId' <> metadata->>'commandId'"
                         + " GROUP BY 1 HAVING count(DISTINCT metadata->>'commandId') > 1")) {
                while (rows.next()) {
                    verdict.add(Finding.APPLIED_TWICE, service + " reacted " + rows.getLong(2) + " times to event " + rows.getString(1));
                }
            }
        }
    }

    /**
     * The first time the broker took each event of an aggregate, the aggregate's versions rise. What
     * the suite itself published out of order on purpose (correlation ids {@code faults-...}) is not
     * a relay's doing and is left out.
     */
    private void checkOrderPerAggregate(Verdict verdict) {
        Map<String, Long> lastVersion = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Tap.Tapped message : tap.inOrder()) {
            if (!seen.add(message.messageId()) || message.aggregateVersion() == null || !"accepted".equals(message.outcome())
                    || String.valueOf(message.correlationId()).startsWith(ForeignPublisher.CORRELATION_PREFIX)) {
                continue;
            }
            String aggregate = message.exchange() + "/" + message.aggregateId();
            Long previous = lastVersion.put(aggregate, message.aggregateVersion());
            if (previous != null && previous >= message.aggregateVersion()) {
                verdict.add(Finding.OUT_OF_ORDER, message.type() + " of " + aggregate + " at version " + message.aggregateVersion()
                        + " reached the broker after version " + previous);
            }
        }
    }

    private void checkQueues(Verdict verdict) throws IOException, TimeoutException {
        try (Connection connection = LocalBroker.connect("fault-suite-checker", Cluster.VIRTUAL_HOST);
             Channel channel = connection.createChannel()) {
            for (String subscriber : SUBSCRIBERS) {
                verdict.addCount(Finding.IN_FLIGHT, channel.queueDeclarePassive(subscriber + ".integration-events").getMessageCount());
                // Dead letters on their way to the store, and those it keeps waiting for an operator.
                verdict.addCount(Finding.DEAD_LETTERED, channel.queueDeclarePassive(subscriber + ".integration-events.dlq").getMessageCount());
            }
        }
        for (String subscriber : SUBSCRIBERS) {
            try {
                verdict.addCount(Finding.DEAD_LETTERED, cluster.deadLetters(subscriber).waiting().size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        for (String subscriber : SUBSCRIBERS) {
            // A dead letter handed out by the DLQ and not yet acknowledged is neither waiting there nor
            // kept: still moving, or held by a consumer that will never deliver it (decision 0023).
            for (String queue : List.of(subscriber + ".integration-events", subscriber + ".integration-events.dlq")) {
                cluster.broker().queue(queue).ifPresent(stats -> verdict.addCount(Finding.IN_FLIGHT, stats.unacknowledged()));
            }
        }
    }

    private Map<UUID, Order> orders() throws SQLException, IOException {
        Map<UUID, Order> orders = new HashMap<>();
        try (java.sql.Connection database = cluster.openDatabase("orders"); Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, customer_id, status, lines::text FROM order_summaries")) {
            while (rows.next()) {
                Map<UUID, Integer> lines = new HashMap<>();
                for (JsonNode line : Http.JSON.readTree(rows.getString(4))) {
                    lines.merge(UUID.fromString(line.path("productId").asText()), line.path("quantity").asInt(), Integer::sum);
                }
                UUID id = rows.getObject(1, UUID.class);
                orders.put(id, new Order(id, rows.getObject(2, UUID.class), rows.getString(3), lines));
            }
        }
        return orders;
    }
}
