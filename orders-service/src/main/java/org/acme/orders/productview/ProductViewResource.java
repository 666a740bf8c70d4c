package org.acme.orders.productview;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.http.ResourceNotFound;

/** What orders knows of the catalog: the products it can price orders with. */
@Authenticated
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductViewResource {

    private final ProductView productView;

    public ProductViewResource(ProductView productView) {
        this.productView = productView;
    }

    @GET
    public Uni<List<ViewedProduct>> listProducts() {
        return productView.active();
    }

    @GET
    @Path("/{id}")
    public Uni<ViewedProduct> getProduct(@PathParam("id") UUID id) {
        return productView.find(id)
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("product", id)));
    }
}
