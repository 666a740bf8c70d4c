package org.acme.catalog.addproduct;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.acme.catalog.product.ProductForm;
import org.acme.catalog.product.ProductState;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.IncomingRequest;

@Path("/products")
public class AddProductResource {

    private final AddProductHandler handler;
    private final IncomingRequest request;

    public AddProductResource(AddProductHandler handler, IncomingRequest request) {
        this.handler = handler;
        this.request = request;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> addProduct(@Valid @NotNull ProductForm body) {
        return handler.handle(new AddProduct(UUID.randomUUID(), body.details()), request.command())
                .onItem().transform(AddProductResource::created);
    }

    private static Response created(ProductState product) {
        return Response.created(URI.create("/products/" + product.id()))
                .tag(EntityTags.of(product.version()))
                .entity(product)
                .build();
    }
}
