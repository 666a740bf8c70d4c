package org.acme.infrastructure.subscriptions;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.acme.integrationevents.Envelope;

/**
 * Checks an incoming payload against the JSON Schema of its event type and version, before any
 * subscriber sees it. The schemas are the committed ones shipped in shared-integration-events
 * ({@code schemas/<publisher>/<Type>.v<N>.schema.json}), the same files the build's compatibility
 * gate holds the contracts to.
 */
@ApplicationScoped
public class PayloadSchemas {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Optional<Schema>> loaded = new ConcurrentHashMap<>();

    /** What is wrong with the payload, or nothing when it matches its schema. */
    public Optional<String> violations(String publisher, Envelope envelope) {
        String location = "schemas/" + publisher + "/" + envelope.type() + ".v" + envelope.schemaVersion() + ".schema.json";
        Optional<Schema> schema = loaded.computeIfAbsent(location, this::load);
        if (schema.isEmpty()) {
            return Optional.of("no schema " + location + " for " + envelope.type() + " v" + envelope.schemaVersion());
        }
        List<Error> errors = schema.get().validate(envelope.payload());
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("payload of " + envelope.type() + " v" + envelope.schemaVersion() + " breaks its schema: "
                + errors.stream().map(Error::toString).sorted().collect(Collectors.joining("; ")));
    }

    private Optional<Schema> load(String location) {
        try (InputStream json = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            return json == null ? Optional.empty() : Optional.of(registry.getSchema(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
