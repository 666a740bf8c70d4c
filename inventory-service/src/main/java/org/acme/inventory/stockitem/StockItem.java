package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventsourcing.Aggregate;

/**
 * The stock of one product: what is on hand and how much of it orders hold. Its stream id is the
 * product id. Catalog changes carry the catalog's version, so an older one arriving late is ignored.
 *
 * <p>A best-seller's stream takes an event per order, for ever: the item keeps totals only (which
 * order holds how much is the reservations table, kept with its events), so that its state stays a
 * few fields however many orders are open, and can be snapshotted (decision 0009).
 */
public final class StockItem extends Aggregate<StockItemEvent> {

    public static final String STREAM_TYPE = "StockItem";

    private UUID productId;
    private String name;
    private long catalogVersion;
    private boolean discontinued;
    private int onHand;
    private int reserved;

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

    /** The item as of a snapshot taken at {@code version}, then the events after it. */
    public static StockItem restore(StockItemSnapshot snapshot, long version, List<StockItemEvent> eventsAfter) {
        StockItem item = new StockItem();
        item.productId = snapshot.productId();
        item.name = snapshot.name();
        item.catalogVersion = snapshot.catalogVersion();
        item.discontinued = snapshot.discontinued();
        item.onHand = snapshot.onHand();
        item.reserved = snapshot.reserved();
        item.replay(version, eventsAfter);
        return item;
    }

    public StockItemSnapshot snapshot() {
        return new StockItemSnapshot(productId, name, catalogVersion, discontinued, onHand, reserved);
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

    /** Holds stock for an order (which must not hold any of this item yet: the reservations table says). */
    public void reserve(UUID orderId, int quantity, Instant at) {
        if (!canReserve(quantity)) {
            throw CommandRejected.becauseOfRule("cannot reserve " + quantity + " of product " + productId
                    + (discontinued ? ": it is discontinued" : ": only " + available() + " available"));
        }
        raise(new StockReservedEvent(productId, orderId, quantity, at));
    }

    /** Gives back what an order holds (as the reservations table says). */
    public void release(UUID orderId, int held, Instant at) {
        raise(new StockReleasedEvent(productId, orderId, checkedHolding(orderId, held), at));
    }

    /** Turns what an order holds (as the reservations table says) into a shipment. */
    public void ship(UUID orderId, int held, Instant at) {
        raise(new StockShippedEvent(productId, orderId, checkedHolding(orderId, held), at));
    }

    private int checkedHolding(UUID orderId, int held) {
        if (held <= 0 || held > reserved) {
            throw new IllegalStateException("order " + orderId + " cannot hold " + held + " of product " + productId
                    + ": " + reserved + " reserved in all");
        }
        return held;
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
        return reserved;
    }

    public int available() {
        return onHand - reserved();
    }

    @Override
    protected void apply(StockItemEvent event) {
        // Exhaustive over the sealed StockItemEvent: a new event type does not compile until applied here.
        switch (event) {
            case StockItemTrackedEvent tracked -> {
                productId = tracked.productId();
                name = tracked.name();
                catalogVersion = tracked.catalogVersion();
            }
            case StockItemRenamedEvent renamed -> {
                name = renamed.name();
                catalogVersion = Math.max(catalogVersion, renamed.catalogVersion());
            }
            case StockItemDiscontinuedEvent discontinuedEvent -> {
                discontinued = true;
                catalogVersion = discontinuedEvent.catalogVersion();
            }
            case StockAdjustedEvent adjusted -> onHand += adjusted.delta();
            case StockReservedEvent reservedEvent -> reserved += reservedEvent.quantity();
            case StockReleasedEvent released -> reserved -= released.quantity();
            case StockShippedEvent shipped -> {
                reserved -= shipped.quantity();
                onHand -= shipped.quantity();
            }
        }
    }
}
