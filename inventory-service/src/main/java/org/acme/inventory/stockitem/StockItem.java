package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventsourcing.Aggregate;

/**
 * The stock of one product: what is on hand, and how much of it each order holds. Its stream id is
 * the product id. Catalog changes carry the catalog's version, so an older one arriving late is
 * ignored.
 */
public final class StockItem extends Aggregate<StockItemEvent> {

    public static final String STREAM_TYPE = "StockItem";

    private UUID productId;
    private String name;
    private long catalogVersion;
    private boolean discontinued;
    private int onHand;
    private final Map<UUID, Integer> reservations = new HashMap<>();

    private StockItem() {
    }

    public static StockItem track(UUID productId, String name, long catalogVersion, Instant at) {
        StockItem item = new StockItem();
        item.raise(new StockItemTrackedEvent(productId, name, catalogVersion, at));
        return item;
    }

    public static StockItem rehydrate(List<StockItemEvent> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a stock item's history starts with StockItemTrackedEvent");
        }
        StockItem item = new StockItem();
        item.replay(history);
        return item;
    }

    /** Takes the catalog's name, unless this item already knows a newer one. */
    public void rename(String newName, long asOfCatalogVersion, Instant at) {
        boolean newer = asOfCatalogVersion > catalogVersion || name == null;
        if (newer && !newName.equals(name)) {
            raise(new StockItemRenamedEvent(productId, name, newName, asOfCatalogVersion, at));
        }
    }

    public void discontinue(long asOfCatalogVersion, Instant at) {
        if (!discontinued) {
            raise(new StockItemDiscontinuedEvent(productId, Math.max(asOfCatalogVersion, catalogVersion), at));
        }
    }

    public void adjust(int delta, String reason, String by, Instant at) {
        if (delta == 0) {
            throw new IllegalArgumentException("an adjustment changes the stock: delta cannot be 0");
        }
        if (discontinued && delta > 0) {
            throw CommandRejected.becauseOfState("product " + productId + " is discontinued: stock can only be written off");
        }
        if (onHand + delta < reserved()) {
            throw CommandRejected.becauseOfRule("cannot remove " + -delta + " of product " + productId + ": "
                    + onHand + " on hand, " + reserved() + " reserved for orders");
        }
        raise(new StockAdjustedEvent(productId, delta, reason, by, at));
    }

    /** Whether a reservation of this quantity would succeed now. */
    public boolean canReserve(int quantity) {
        return !discontinued && available() >= quantity;
    }

    public void reserve(UUID orderId, int quantity, Instant at) {
        if (reservations.containsKey(orderId)) {
            return;
        }
        if (!canReserve(quantity)) {
            throw CommandRejected.becauseOfRule("cannot reserve " + quantity + " of product " + productId
                    + (discontinued ? ": it is discontinued" : ": only " + available() + " available"));
        }
        raise(new StockReservedEvent(productId, orderId, quantity, at));
    }

    /** Gives back what an order holds; nothing if it holds nothing (it may never have been reserved). */
    public void release(UUID orderId, Instant at) {
        Integer held = reservations.get(orderId);
        if (held != null) {
            raise(new StockReleasedEvent(productId, orderId, held, at));
        }
    }

    /** Turns what an order holds into a shipment; nothing if it holds nothing. */
    public void ship(UUID orderId, Instant at) {
        Integer held = reservations.get(orderId);
        if (held != null) {
            raise(new StockShippedEvent(productId, orderId, held, at));
        }
    }

    public UUID productId() {
        return productId;
    }

    public String name() {
        return name;
    }

    public boolean discontinued() {
        return discontinued;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reservations.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int available() {
        return onHand - reserved();
    }

    public int heldFor(UUID orderId) {
        return reservations.getOrDefault(orderId, 0);
    }

    @Override
    protected void apply(StockItemEvent event) {
        if (event instanceof StockItemTrackedEvent tracked) {
            productId = tracked.productId();
            name = tracked.name();
            catalogVersion = tracked.catalogVersion();
        } else if (event instanceof StockItemRenamedEvent renamed) {
            name = renamed.name();
            catalogVersion = Math.max(catalogVersion, renamed.catalogVersion());
        } else if (event instanceof StockItemDiscontinuedEvent discontinuedEvent) {
            discontinued = true;
            catalogVersion = discontinuedEvent.catalogVersion();
        } else if (event instanceof StockAdjustedEvent adjusted) {
            onHand += adjusted.delta();
        } else if (event instanceof StockReservedEvent reservedEvent) {
            reservations.put(reservedEvent.orderId(), reservedEvent.quantity());
        } else if (event instanceof StockReleasedEvent released) {
            reservations.remove(released.orderId());
        } else if (event instanceof StockShippedEvent shipped) {
            reservations.remove(shipped.orderId());
            onHand -= shipped.quantity();
        } else {
            throw new IllegalArgumentException("StockItem cannot apply " + event.getClass().getName());
        }
    }
}
