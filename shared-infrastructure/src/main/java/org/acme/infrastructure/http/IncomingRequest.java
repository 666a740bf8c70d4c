package org.acme.infrastructure.http;

import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import org.acme.infrastructure.commands.CommandMetadata;

/** What this HTTP request tells about the commands it carries: its correlation id and actor. */
@RequestScoped
public class IncomingRequest {

    private final Clock clock;
    private String correlationId;
    private String actor = "anonymous";

    public IncomingRequest(Clock clock) {
        this.clock = clock;
    }

    void identify(String correlationId, String actor) {
        this.correlationId = correlationId;
        if (actor != null && !actor.isBlank()) {
            this.actor = actor;
        }
    }

    public String correlationId() {
        return correlationId;
    }

    /** The metadata of a new command received in this request, stamped now. */
    public CommandMetadata command() {
        return CommandMetadata.ofRequest(correlationId, actor, clock.instant());
    }
}
