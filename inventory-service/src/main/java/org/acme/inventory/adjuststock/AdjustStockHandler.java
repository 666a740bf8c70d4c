package org.acme.inventory.adjuststock;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.commands.Decision;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.eventstore.StaleVersion;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.infrastructure.session.InSequence;
import org.acme.integrationevents.inventory.AdjustStockRejected;
import org.acme.integrationevents.inventory.StockAdjusted;
import org.acme.inventory.stockitem.StockAdjustedEvent;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitemstore.StockItemStore;
import org.acme.inventory.stockitem.StockLevel;

/** Adjusts the stock on hand and publishes the new level; a refusal is published as AdjustStockRejected. */
@ApplicationScoped
public class AdjustStockHandler {

    private static final String COMMAND = "AdjustStock";

    private final StockItemStore stockItems;
    private final Outbox outbox;

    public AdjustStockHandler(StockItemStore stockItems, Outbox outbox) {
        this.stockItems = stockItems;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Outcome<StockLevel>> handle(AdjustStock command, CommandMetadata metadata) {
        return stockItems.load(command.productId())
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("stock item", command.productId())))
                .invoke(item -> StaleVersion.check(command.productId(), command.expectedVersion(), item.version()))
                .chain(item -> adjust(item, command, metadata));
    }

    private Uni<Outcome<StockLevel>> adjust(StockItem item, AdjustStock command, CommandMetadata metadata) {
        Optional<CommandRejected> refusal = Decision.attempt(
                () -> item.adjust(command.delta(), command.reason(), metadata.actor(), metadata.at()));
        if (refusal.isPresent()) {
            return outbox.refuse(refusal.get(), new AdjustStockRejected(command.productId(), command.delta(), refusal.get().reason()),
                    EventOrigin.rejected(StockItem.STREAM_TYPE, command.productId(), item.version(), COMMAND, metadata)
                            .expecting(command.expectedVersion()));
        }
        return stockItems.save(item, COMMAND, metadata)
                .chain(stored -> InSequence.each(stored, event -> event.event() instanceof StockAdjustedEvent adjusted
                        ? outbox.enqueue(new StockAdjusted(adjusted.productId(), adjusted.delta(), item.onHand(), item.reserved(),
                                        item.available()),
                                EventOrigin.of(StockItem.STREAM_TYPE, adjusted.productId(), event.version(), COMMAND, metadata)
                                        .expecting(command.expectedVersion()))
                        : Uni.createFrom().voidItem()))
                .replaceWith(Outcome.accepted(StockLevel.of(item, item.version() + item.changes().size())));
    }
}
