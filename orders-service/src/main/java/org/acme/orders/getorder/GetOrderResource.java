package org.acme.orders.getorder;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.orders.order.OrderState;

@Authenticated
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class GetOrderResource {

    private final Orders orders;

    public GetOrderResource(Orders orders) {
        this.orders = orders;
    }

    /** The latest orders, newest first. */
    @GET
    public Uni<List<OrderState>> listOrders(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return orders.latest(limit);
    }

    @GET
    @Path("/{id}")
    public Uni<Response> getOrder(@PathParam("id") UUID id) {
        return orders.find(id)
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("order", id)))
                .onItem().transform(order -> Response.ok(order).tag(EntityTags.of(order.version())).build());
    }
}
