package org.acme.catalog.removeproduct;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.http.EntityTags;
import org.acme.infrastructure.http.IncomingRequest;

@RolesAllowed("catalog-editor")
@Path("/products/{id}")
public class RemoveProductResource {

    private final RemoveProductHandler handler;
    private final IncomingRequest request;

    public RemoveProductResource(RemoveProductHandler handler, IncomingRequest request) {
        this.handler = handler;
        this.request = request;
    }

    @DELETE
    public Uni<Response> removeProduct(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return handler.handle(new RemoveProduct(id, EntityTags.expectedVersion(ifMatch)), request.command())
                .onItem().transform(Outcome::orThrow)
                .onItem().transform(removed -> Response.noContent().build());
    }
}
