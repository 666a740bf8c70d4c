package org.acme.catalog.addproduct;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.acme.catalog.product.ProductForm;
import org.acme.catalog.product.ProductState;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.IncomingRequest;
import org.acme.infrastructure.idempotency.IdempotentCommands;

@RolesAllowed("catalog-editor")
@Path("/products")
public class AddProductResource {

    private final AddProductHandler handler;
    private final IncomingRequest request;
    private final IdempotentCommands idempotent;

    public AddProductResource(AddProductHandler handler, IncomingRequest request, IdempotentCommands idempotent) {
        this.handler = handler;
        this.request = request;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> addProduct(@Valid @NotNull ProductForm body, @HeaderParam(IdempotentCommands.HEADER) String key) {
        return idempotent.once(key, List.of(body), () -> handler.handle(new AddProduct(UUID.randomUUID(), body.details()),
                        request.command()).onItem().transform(Outcome::accepted),
                AddProductResource::created);
    }

    private static Response created(ProductState product) {
        return Response.created(URI.create("/products/" + product.id()))
                .tag(EntityTags.of(product.version()))
                .entity(product)
                .build();
    }
}
