package org.acme.inventory.trackproducts;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Consumer;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitemstore.StockItemStore;

/**
 * Keeps stock items in step with the catalog. Catalog events may arrive in any order (a rename
 * before the product, say): a change to an item not yet tracked starts tracking it, and each
 * change carries the catalog version so that a late, older one changes nothing.
 */
@ApplicationScoped
public class TrackProductsHandler {

    private final StockItemStore stockItems;

    public TrackProductsHandler(StockItemStore stockItems) {
        this.stockItems = stockItems;
    }

    @WithTransaction
    public Uni<Void> handle(TrackProduct command, CommandMetadata metadata) {
        return change(command.productId(), command.name(), command.catalogVersion(), "TrackProduct", metadata,
                item -> item.rename(command.name(), command.catalogVersion(), metadata.at()));
    }

    @WithTransaction
    public Uni<Void> handle(RenameProduct command, CommandMetadata metadata) {
        return change(command.productId(), command.name(), command.catalogVersion(), "RenameProduct", metadata,
                item -> item.rename(command.name(), command.catalogVersion(), metadata.at()));
    }

    @WithTransaction
    public Uni<Void> handle(DiscontinueProduct command, CommandMetadata metadata) {
        return change(command.productId(), null, 0, "DiscontinueProduct", metadata,
                item -> item.discontinue(command.catalogVersion(), metadata.at()));
    }

    private Uni<Void> change(UUID productId, String name, long catalogVersion, String commandType,
                             CommandMetadata metadata, Consumer<StockItem> change) {
        return stockItems.load(productId)
                .onItem().transform(found -> found.orElseGet(() -> StockItem.track(productId, name, catalogVersion, metadata.at())))
                .invoke(change)
                .chain(item -> stockItems.save(item, commandType, metadata))
                .replaceWithVoid();
    }
}
