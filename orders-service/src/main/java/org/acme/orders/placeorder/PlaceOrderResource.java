package org.acme.orders.placeorder;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.IncomingRequest;
import org.acme.infrastructure.http.InvalidInput;
import org.acme.infrastructure.idempotency.IdempotentCommands;
import org.acme.orders.order.OrderState;

@RolesAllowed("customer")
@Path("/orders")
public class PlaceOrderResource {

    /** The body of {@code POST /orders}. */
    public record Request(@NotNull UUID customerId, @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

        /** One line: each product at most once per order. */
        public record Line(@NotNull UUID productId, @NotNull @Min(1) @Max(10_000) Integer quantity) {
        }
    }

    private final PlaceOrderHandler handler;
    private final IncomingRequest request;
    private final IdempotentCommands idempotent;

    public PlaceOrderResource(PlaceOrderHandler handler, IncomingRequest request, IdempotentCommands idempotent) {
        this.handler = handler;
        this.request = request;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> placeOrder(@Valid @NotNull Request body, @HeaderParam(IdempotentCommands.HEADER) String key) {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < body.lines().size(); i++) {
            if (!seen.add(body.lines().get(i).productId())) {
                throw new InvalidInput("lines[" + i + "].productId", "each product may appear once per order");
            }
        }
        List<PlaceOrder.Requested> lines = body.lines().stream()
                .map(line -> new PlaceOrder.Requested(line.productId(), line.quantity()))
                .toList();
        PlaceOrder command = new PlaceOrder(UUID.randomUUID(), body.customerId(), lines);
        return idempotent.once(key, List.of(body), () -> handler.handle(command, request.command()), PlaceOrderResource::created);
    }

    private static Response created(OrderState order) {
        return Response.created(URI.create("/orders/" + order.id()))
                .tag(EntityTags.of(order.version()))
                .entity(order)
                .build();
    }
}
