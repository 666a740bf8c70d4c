package org.acme.inventory.getstock;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.inventory.stockitem.StockLevel;

/** Reads the stock levels ({@link StockLevelsProjection} writes them). */
@ApplicationScoped
public class StockLevels implements PanacheRepositoryBase<StockLevelRow, UUID> {

    @WithSession
    public Uni<Optional<StockLevel>> find(UUID productId) {
        return findById(productId).onItem().transform(row -> Optional.ofNullable(row).map(StockLevelRow::level));
    }

    @WithSession
    public Uni<List<StockLevel>> all() {
        return findAll(Sort.by("name", Sort.NullPrecedence.NULLS_LAST).and("productId")).list()
                .onItem().transform(rows -> rows.stream().map(StockLevelRow::level).toList());
    }
}
