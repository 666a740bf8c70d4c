package org.acme.orders.cancelorder;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.IncomingRequest;

@Path("/orders/{id}/cancel")
public class CancelOrderResource {

    private final CancelOrderHandler handler;
    private final IncomingRequest request;

    public CancelOrderResource(CancelOrderHandler handler, IncomingRequest request) {
        this.handler = handler;
        this.request = request;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> cancelOrder(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return handler.handle(new CancelOrder(id, EntityTags.expectedVersion(ifMatch)), request.command())
                .onItem().transform(Outcome::orThrow)
                .onItem().transform(order -> Response.ok(order).tag(EntityTags.of(order.version())).build());
    }
}
