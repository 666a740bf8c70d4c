package org.acme.infrastructure.http;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletableFuture;

/** A test endpoint whose requests stay in flight until the test lets them go. */
@Path("/test/held")
public class HeldRequests {

    static volatile CompletableFuture<String> release = new CompletableFuture<>();

    @GET
    public Uni<String> held() {
        return Uni.createFrom().completionStage(release);
    }
}
