package org.acme.orders.cancelorder;

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

@RolesAllowed("customer")
@Path("/orders/{id}/cancel")
public class CancelOrderResource {

    private final CancelOrderHandler handler;
    private final IncomingRequest request;
    private final IdempotentCommands idempotent;

    public CancelOrderResource(CancelOrderHandler handler, IncomingRequest request, IdempotentCommands idempotent) {
        this.handler = handler;
        this.request = request;
        this.idempotent = idempotent;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> cancelOrder(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @HeaderParam(IdempotentCommands.HEADER) String key) {
        CancelOrder command = new CancelOrder(id, EntityTags.expectedVersion(ifMatch));
        return idempotent.once(key, Arrays.asList(ifMatch), () -> handler.handle(command, request.command()),
                order -> Response.ok(order).tag(EntityTags.of(order.version())).build());
    }
}
