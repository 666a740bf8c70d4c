package org.acme.catalog.getproduct;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.catalog.product.ProductState;

/** Reads the product catalog the projection keeps. */
@ApplicationScoped
public class ProductCatalog implements PanacheRepositoryBase<CatalogProduct, UUID> {

    @WithSession
    public Uni<Optional<ProductState>> find(UUID id) {
        return findById(id).onItem().transform(product -> Optional.ofNullable(product).map(CatalogProduct::state));
    }

    /** The products on sale, by name. */
    @WithSession
    public Uni<List<ProductState>> active() {
        return find("removed = false", Sort.by("name").and("id")).list()
                .onItem().transform(products -> products.stream().map(CatalogProduct::state).toList());
    }
}
