package org.acme.inventory.adjuststock;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.acme.infrastructure.http.InvalidInput;
import org.acme.infrastructure.idempotency.IdempotentCommands;

@RolesAllowed("warehouse-clerk")
@Path("/stock/{productId}/adjustments")
public class AdjustStockResource {

    /** The body of an adjustment: a non-zero change and why. */
    public record Request(
            @NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta,
            @NotBlank @Size(max = 200) String reason) {
    }

    private final AdjustStockHandler handler;
    private final IncomingRequest request;
    private final IdempotentCommands idempotent;

    public AdjustStockResource(AdjustStockHandler handler, IncomingRequest request, IdempotentCommands idempotent) {
        this.handler = handler;
        this.request = request;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> adjustStock(@PathParam("productId") UUID productId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @HeaderParam(IdempotentCommands.HEADER) String key, @Valid @NotNull Request body) {
        if (body.delta() == 0) {
            throw new InvalidInput("delta", "must not be 0: an adjustment changes the stock");
        }
        AdjustStock command = new AdjustStock(productId, body.delta(), body.reason(), EntityTags.expectedVersion(ifMatch));
        return idempotent.once(key, Arrays.asList(body, ifMatch), () -> handler.handle(command, request.command()),
                level -> Response.ok(level).tag(EntityTags.of(level.version())).build());
    }
}
