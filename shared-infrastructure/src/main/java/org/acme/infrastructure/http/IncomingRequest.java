package org.acme.infrastructure.http;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import org.acme.infrastructure.commands.CommandMetadata;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What this HTTP request tells about the commands it carries: its correlation id, and who acts — the
 * subject of its verified bearer token, never anything else the caller says (decision 0016).
 */
@RequestScoped
public class IncomingRequest {

    private final Clock clock;
    private final SecurityIdentity identity;
    private String correlationId;
    private String method;
    private String path;

    public IncomingRequest(Clock clock, SecurityIdentity identity) {
        this.clock = clock;
        this.identity = identity;
    }

    void identify(String correlationId, String method, String path) {
        this.correlationId = correlationId;
        this.method = method;
        this.path = path;
    }

    public String correlationId() {
        return correlationId;
    }

    /** The request's method and path, as {@code POST /orders}. */
    public String target() {
        return method + " " + path;
    }

    public String path() {
        return path;
    }

    /** The metadata of a new command received in this request, stamped now, acted by the token's subject. */
    public CommandMetadata command() {
        return CommandMetadata.ofRequest(correlationId, actor(), clock.instant());
    }

    /** The token's subject; a command resource is never reached without one (its roles are checked first). */
    public String actor() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        throw new IllegalStateException("a command reached its resource without a verified bearer token");
    }
}
