package org.acme.inventory.reservestock;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.infrastructure.session.InSequence;
import org.acme.integrationevents.inventory.ReserveStockRejected;
import org.acme.integrationevents.inventory.ReservedLine;
import org.acme.integrationevents.inventory.Shortage;
import org.acme.integrationevents.inventory.StockReserved;
import org.acme.inventory.reservations.Reservations;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitemstore.StockItemStore;
import org.jboss.logging.Logger;

/**
 * Reserves every line of an order or none: all stock items are checked first, then all reserved in
 * one transaction. The outcome is published either way: StockReserved, or ReserveStockRejected with
 * the lines that fell short. An order that already holds its stock (the same placement again) is
 * answered StockReserved again, with what it holds. An order inventory already knows as cancelled or
 * shipped (its placement arrived late) reserves nothing and publishes nothing: orders has moved on.
 */
@ApplicationScoped
public class ReserveStockHandler {

    private static final String COMMAND = "ReserveStock";
    private static final Logger LOG = Logger.getLogger(ReserveStockHandler.class);

    private final StockItemStore stockItems;
    private final Reservations reservations;
    private final Outbox outbox;

    public ReserveStockHandler(StockItemStore stockItems, Reservations reservations, Outbox outbox) {
        this.stockItems = stockItems;
        this.reservations = reservations;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Void> handle(ReserveStock command, CommandMetadata metadata) {
        EventOrigin origin = EventOrigin.unversioned("Reservation", command.orderId(), COMMAND, metadata);
        return reservations.known(command.orderId()).chain(order -> {
            if (order.closed()) {
                LOG.infof("order %s was placed after it ended (a late or replayed OrderPlaced): nothing to reserve", command.orderId());
                return Uni.createFrom().voidItem();
            }
            return order.held().isEmpty()
                    ? reserve(command, metadata, origin)
                    : announce(command.orderId(), order.held().stream().map(it -> new ReservedLine(it.productId(), it.quantity())).toList(),
                            origin);
        });
    }

    /** Checks every line first, then reserves them all; or publishes the lines that fell short. */
    private Uni<Void> reserve(ReserveStock command, CommandMetadata metadata, EventOrigin origin) {
        List<StockItem> items = new ArrayList<>();
        List<Shortage> shortages = new ArrayList<>();
        // Sorted as PostgreSQL sorts uuids (the order releases and shipments find them in), so that
        // two transactions over the same items lock them in the same order. UUID.compareTo differs:
        // it compares signed halves.
        List<Map.Entry<UUID, Integer>> lines = command.quantities().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(UUID::toString)))
                .toList();
        return InSequence.each(lines, line -> stockItems.load(line.getKey())
                        .invoke(item -> check(line, item, items, shortages)))
                .chain(() -> shortages.isEmpty()
                        ? reserveAll(command, items, metadata, origin)
                        : outbox.enqueue(new ReserveStockRejected(command.orderId(), reasonFor(shortages, command), shortages), origin)
                                .replaceWithVoid());
    }

    private static void check(Map.Entry<UUID, Integer> line, Optional<StockItem> item, List<StockItem> items, List<Shortage> shortages) {
        if (item.map(it -> it.canReserve(line.getValue())).orElse(false)) {
            items.add(item.get());
        } else {
            int available = item.filter(it -> !it.discontinued()).map(StockItem::available).orElse(0);
            shortages.add(new Shortage(line.getKey(), line.getValue(), available));
        }
    }

    private Uni<Void> reserveAll(ReserveStock command, List<StockItem> items, CommandMetadata metadata, EventOrigin origin) {
        List<ReservedLine> reserved = new ArrayList<>();
        return InSequence.each(items, item -> {
                    int quantity = command.quantities().get(item.productId());
                    item.reserve(command.orderId(), quantity, metadata.at());
                    reserved.add(new ReservedLine(item.productId(), quantity));
                    return stockItems.save(item, COMMAND, metadata);
                })
                .chain(() -> announce(command.orderId(), reserved, origin));
    }

    private Uni<Void> announce(UUID orderId, List<ReservedLine> reserved, EventOrigin origin) {
        return outbox.enqueue(new StockReserved(orderId, reserved), origin).replaceWithVoid();
    }

    private static String reasonFor(List<Shortage> shortages, ReserveStock command) {
        return "not enough stock for " + shortages.size() + " of " + command.quantities().size() + " lines";
    }
}
