package org.acme.inventory.stockitem;

import java.util.UUID;

/** A stock item as the inventory's API shows it, with the version its ETag carries. */
public record StockLevel(UUID productId, String name, int onHand, int reserved, int available, Status status,
                         long version) {

    public enum Status { ACTIVE, DISCONTINUED }

    public static StockLevel of(StockItem item, long version) {
        return new StockLevel(item.productId(), item.name(), item.onHand(), item.reserved(), item.available(),
                item.discontinued() ? Status.DISCONTINUED : Status.ACTIVE, version);
    }
}
