package org.acme.inventory.getstock;

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
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.inventory.stockitem.StockLevel;

@Authenticated
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
public class GetStockResource {

    private final StockLevels stockLevels;

    public GetStockResource(StockLevels stockLevels) {
        this.stockLevels = stockLevels;
    }

    @GET
    public Uni<List<StockLevel>> listStock() {
        return stockLevels.all();
    }

    @GET
    @Path("/{productId}")
    public Uni<Response> getStock(@PathParam("productId") UUID productId) {
        return stockLevels.find(productId)
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("stock item", productId)))
                .onItem().transform(level -> Response.ok(level).tag(EntityTags.of(level.version())).build());
    }
}
