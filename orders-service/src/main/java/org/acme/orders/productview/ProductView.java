package org.acme.orders.productview;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Orders' local view of the catalog, fed by the catalog's events and inventory's StockAdjusted.
 *
 * <p>Events from two publishers arrive in no guaranteed order between them, and one publisher's may
 * be redelivered: every change is guarded by the version of the aggregate it comes from (the
 * catalog's product version, the inventory's stock item version), so an older event arriving late
 * changes nothing, and stock news of a product the catalog has not announced yet is kept until it
 * does. Changes run in the subscriber's transaction, and lock the row: news of the two aggregates may be
 * handled side by side (decisions 0013 and 0019).
 */
@ApplicationScoped
public class ProductView implements PanacheRepositoryBase<ProductViewEntry, UUID> {

    public Uni<Void> recordCatalogDetails(UUID productId, String name, BigDecimal price, String category, long catalogVersion) {
        return change(productId, entry -> {
            if (entry.catalogIsOlderThan(catalogVersion)) {
                entry.name = name;
                entry.price = price;
                entry.category = category;
                entry.catalogVersion = catalogVersion;
            }
        });
    }

    public Uni<Void> withdraw(UUID productId, long catalogVersion) {
        return change(productId, entry -> {
            entry.removed = true;
            entry.catalogVersion = entry.catalogIsOlderThan(catalogVersion) ? catalogVersion : entry.catalogVersion;
        });
    }

    public Uni<Void> recordAvailability(UUID productId, int available, long stockVersion) {
        return change(productId, entry -> {
            if (entry.stockIsOlderThan(stockVersion)) {
                entry.available = available;
                entry.stockVersion = stockVersion;
            }
        });
    }

    /** A product the view can show (it has a name), removed or not. */
    @WithSession
    public Uni<Optional<ViewedProduct>> find(UUID productId) {
        return findById(productId).onItem()
                .transform(entry -> Optional.ofNullable(entry).filter(found -> found.name != null).map(ProductViewEntry::viewed));
    }

    /** The products orders knows that are still in the catalog. */
    @WithSession
    public Uni<List<ViewedProduct>> active() {
        return find("name is not null and removed = false", Sort.by("name").and("productId")).list()
                .onItem().transform(entries -> entries.stream().map(ProductViewEntry::viewed).toList());
    }

    /**
     * Changes the product's entry, locked from its read to the commit: the catalog's events and
     * inventory's may be handled side by side (a message tried alone beside a batch, a batch past
     * {@code slow-batch} beside the next), and without the lock each would write back the other's
     * half of the row as it read it. A product not seen yet gets a new entry, changed before it is
     * persisted (one insert, not an insert and an update); two first news racing to insert it fail
     * one of them on the key, and that one is tried again.
     */
    private Uni<Void> change(UUID productId, Consumer<ProductViewEntry> change) {
        return findById(productId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            ProductViewEntry entry = found != null ? found : ProductViewEntry.unknown(productId);
            change.accept(entry);
            return found != null ? Uni.createFrom().voidItem() : persist(entry).replaceWithVoid();
        });
    }
}
