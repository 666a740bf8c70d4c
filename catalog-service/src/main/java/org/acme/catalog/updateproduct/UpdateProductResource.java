package org.acme.catalog.updateproduct;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.acme.catalog.product.ProductForm;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.IncomingRequest;

@RolesAllowed("catalog-editor")
@Path("/products/{id}")
public class UpdateProductResource {

    private final UpdateProductHandler handler;
    private final IncomingRequest request;

    public UpdateProductResource(UpdateProductHandler handler, IncomingRequest request) {
        this.handler = handler;
        this.request = request;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> updateProduct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @Valid @NotNull ProductForm body) {
        return handler.handle(new UpdateProduct(id, body.details(), EntityTags.expectedVersion(ifMatch)), request.command())
                .onItem().transform(Outcome::orThrow)
                .onItem().transform(product -> Response.ok(product).tag(EntityTags.of(product.version())).build());
    }
}
