package org.acme.orders.shiporder;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.UUID;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.IncomingRequest;
import org.acme.infrastructure.idempotency.IdempotentCommands;

@RolesAllowed("warehouse-clerk")
@Path("/orders/{id}/ship")
public class ShipOrderResource {

    private final ShipOrderHandler handler;
    private final IncomingRequest request;
    private final IdempotentCommands idempotent;

    public ShipOrderResource(ShipOrderHandler handler, IncomingRequest request, IdempotentCommands idempotent) {
        this.handler = handler;
        this.request = request;
        this.idempotent = idempotent;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> shipOrder(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @HeaderParam(IdempotentCommands.HEADER) String key) {
        ShipOrder command = new ShipOrder(id, EntityTags.expectedVersion(ifMatch));
        return idempotent.once(key, Arrays.asList(ifMatch), () -> handler.handle(command, request.command()),
                order -> Response.ok(order).tag(EntityTags.of(order.version())).build());
    }
}
