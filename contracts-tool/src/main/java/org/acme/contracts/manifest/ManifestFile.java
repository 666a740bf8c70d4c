package org.acme.contracts.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code integration-events.yaml}. Writing renders the whole file the same way every
 * time (the header comment kept, flow lists, events grouped by publisher), so a generated change
 * shows in a diff as exactly the lines that changed.
 */
public final class ManifestFile {

    static final List<String> DEFAULT_HEADER = List.of(
            "# The published language between the bounded contexts: who publishes what, who listens, which",
            "# version is current. `./contracts validate` (and `./mvnw verify`) checks the code against it;",
            "# `./contracts list` prints it; `./contracts generate ...` keeps it up to date.");

    private static final YAMLMapper YAML = new YAMLMapper();

    private ManifestFile() {
    }

    public static Manifest read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidManifest("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static void write(Path file, Manifest manifest) {
        try {
            Files.writeString(file, render(manifest), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidManifest("cannot write " + file + ": " + e.getMessage());
        }
    }

    public static Manifest parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new InvalidManifest(Manifest.FILE_NAME + " is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidManifest(Manifest.FILE_NAME + " must hold bounded_contexts and integration_events");
        }
        List<BoundedContext> contexts = new ArrayList<>();
        for (JsonNode context : root.path("bounded_contexts")) {
            String name = text(context, "name", "a bounded context");
            contexts.add(new BoundedContext(name, context.path("description").asText(""),
                    names(context, "publishes", "bounded context " + name),
                    names(context, "subscribes", "bounded context " + name)));
        }
        List<EventEntry> events = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = root.path("integration_events").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String where = "event " + entry.getKey();
            JsonNode event = entry.getValue();
            JsonNode version = event.path("version");
            if (!version.canConvertToInt() || version.asInt() < 1) {
                throw new InvalidManifest(Manifest.FILE_NAME + ": " + where + " needs a version of 1 or more");
            }
            events.add(new EventEntry(entry.getKey(), text(event, "publisher", where), names(event, "subscribers", where),
                    version.asInt(), event.path("description").asText("")));
        }
        return new Manifest(header(yaml), contexts, events);
    }

    public static String render(Manifest manifest) {
        StringBuilder out = new StringBuilder();
        for (String line : manifest.header().isEmpty() ? DEFAULT_HEADER : manifest.header()) {
            out.append(line).append('\n');
        }
        out.append("bounded_contexts:\n");
        for (BoundedContext context : manifest.contexts()) {
            out.append("  - name: ").append(YamlScalar.of(context.name())).append('\n');
            out.append("    description: ").append(YamlScalar.of(context.description())).append('\n');
            out.append("    publishes: ").append(YamlScalar.flowList(context.publishes())).append('\n');
            out.append("    subscribes: ").append(YamlScalar.flowList(context.subscribes())).append('\n');
        }
        out.append('\n').append("integration_events:\n");
        for (EventEntry event : manifest.events()) {
            out.append("  ").append(YamlScalar.of(event.name())).append(":\n");
            out.append("    publisher: ").append(YamlScalar.of(event.publisher())).append('\n');
            out.append("    subscribers: ").append(YamlScalar.flowList(event.subscribers())).append('\n');
            out.append("    version: ").append(event.version()).append('\n');
            out.append("    description: ").append(YamlScalar.of(event.description())).append('\n');
        }
        return out.toString();
    }

    /** The comment lines before the first key: they explain the file and survive a rewrite. */
    private static List<String> header(String yaml) {
        List<String> header = new ArrayList<>();
        for (String line : yaml.split("\n", -1)) {
            if (!line.startsWith("#")) {
                break;
            }
            header.add(line.stripTrailing());
        }
        return header;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidManifest(Manifest.FILE_NAME + ": " + where + " needs a " + field);
        }
        return value.asText();
    }

    private static List<String> names(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidManifest(Manifest.FILE_NAME + ": " + where + " has " + field + " that is not a list");
        }
        List<String> names = new ArrayList<>();
        value.forEach(item -> names.add(item.asText()));
        return names;
    }
}
