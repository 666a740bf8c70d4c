package org.acme.catalog.getproduct;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.acme.catalog.product.ProductState;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.ResourceNotFound;

@Authenticated
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public class GetProductResource {

    private final ProductCatalog catalog;

    public GetProductResource(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** The products on sale; removed ones are left out. */
    @GET
    public Uni<List<ProductState>> listProducts() {
        return catalog.active();
    }

    /** One product, removed or not, with its version as ETag for a later If-Match. */
    @GET
    @Path("/{id}")
    public Uni<Response> getProduct(@PathParam("id") UUID id) {
        return catalog.find(id)
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("product", id)))
                .onItem().transform(product -> Response.ok(product).tag(EntityTags.of(product.version())).build());
    }
}
