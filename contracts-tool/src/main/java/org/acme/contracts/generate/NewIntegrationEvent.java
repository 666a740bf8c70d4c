package org.acme.contracts.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.validation.EventNames;

/**
 * Writes a new contract record at version 1, in its publisher's package, and declares it in the
 * manifest (its entry, the publisher's publishes and the subscribers' subscribes).
 *
 * @param fields the record's components; by default the id of what it is about ({@code productId} for
 *               {@code ProductDiscontinued}), and a {@code reason} for a {@code <Command>Rejected}
 */
public record NewIntegrationEvent(String name, String publisher, List<String> subscribers, String description,
                                  List<Field> fields) {

    public NewIntegrationEvent {
        subscribers = List.copyOf(subscribers);
        description = description == null || description.isBlank() ? Names.sentence(name) : description.strip();
        fields = fields == null || fields.isEmpty() ? defaultFields(name) : List.copyOf(fields);
    }

    public boolean rejection() {
        return name.endsWith("Rejected");
    }

    /** Writes the record and the manifest; answers the files it wrote, relative to the root. */
    public List<String> writeInto(RepositoryLayout layout) {
        EventNames.problem(name).ifPresent(problem -> {
            throw new GenerationRefused(problem + ": an integration event says what happened, in the past tense, "
                    + "without a suffix (e.g. ProductDiscontinued, OrderShipped, PaymentSent)");
        });
        Manifest manifest = ManifestFile.read(layout.manifest());
        if (manifest.context(publisher).isEmpty()) {
            throw new GenerationRefused(publisher + " is not a bounded context of " + Manifest.FILE_NAME + "; known: "
                    + manifest.contexts().stream().map(context -> context.name()).toList());
        }
        for (String subscriber : subscribers) {
            if (subscriber.equals(publisher)) {
                throw new GenerationRefused(publisher + " cannot subscribe to its own event: inside a context, react to the "
                        + "domain event");
            }
            if (manifest.context(subscriber).isEmpty()) {
                throw new GenerationRefused(subscriber + " is not a bounded context of " + Manifest.FILE_NAME);
            }
        }
        if (manifest.event(name).isPresent()) {
            throw new GenerationRefused(name + " is already in " + Manifest.FILE_NAME + ": a contract is defined once; to "
                    + "change it, add an optional @Since field and raise its version");
        }
        Path file = layout.contractFile(publisher, name);
        if (Files.exists(file)) {
            throw new GenerationRefused(layout.relative(file) + " already exists");
        }
        write(file, source());
        ManifestFile.write(layout.manifest(), manifest.withEvent(new EventEntry(name, publisher, subscribers, 1, description)));
        return List.of(layout.relative(file), Manifest.FILE_NAME);
    }

    String source() {
        TreeSet<String> imports = new TreeSet<>();
        imports.add("org.acme.integrationevents.Contract");
        imports.add("org.acme.integrationevents.IntegrationEvent");
        if (rejection()) {
            imports.add("org.acme.integrationevents.Outcome");
        }
        fields.forEach(field -> imports.addAll(JavaTypes.importsOf(field.type())));
        List<Field> checked = fields.stream().filter(field -> !field.primitive()).toList();
        if (!checked.isEmpty()) {
            imports.add("java.util.Objects");
        }
        StringBuilder out = new StringBuilder();
        out.append("package ").append(RepositoryLayout.contractPackage(publisher)).append(";\n\n");
        // The JDK first, then ours: the order the existing contracts use.
        imports.stream().filter(imported -> imported.startsWith("java."))
                .forEach(imported -> out.append("import ").append(imported).append(";\n"));
        imports.stream().filter(imported -> !imported.startsWith("java."))
                .forEach(imported -> out.append("import ").append(imported).append(";\n"));
        out.append("\n/**\n");
        out.append(" * ").append(description).append(rejection() ? " Published with outcome {@code rejected}." : "").append("\n");
        out.append(" *\n");
        out.append(" * <p>Publisher: ").append(publisher).append(". Subscribers: ")
                .append(subscribers.isEmpty() ? "none yet" : String.join(", ", subscribers)).append(".\n");
        out.append(" * Version 1: ").append(String.join(", ", fields.stream().map(Field::name).toList())).append(".\n");
        out.append(" * Keep it minimal: only what other contexts need, never a service's internal details. To evolve it,\n");
        out.append(" * add an optional {@code @Since(2)} field and raise the version; a breaking change is a new event type.\n");
        out.append(" */\n");
        out.append("@Contract(type = \"").append(name).append("\", version = 1")
                .append(rejection() ? ", outcome = Outcome.REJECTED" : "").append(")\n");
        List<String> components = new ArrayList<>();
        fields.forEach(field -> components.add(field.type() + " " + field.name()));
        out.append("public record ").append(name).append("(").append(String.join(", ", components))
                .append(") implements IntegrationEvent {\n");
        if (!checked.isEmpty()) {
            out.append("\n    public ").append(name).append(" {\n");
            checked.forEach(field -> out.append("        Objects.requireNonNull(").append(field.name()).append(", \"")
                    .append(field.name()).append("\");\n"));
            out.append("    }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static List<Field> defaultFields(String name) {
        // What it is about: ProductDiscontinued → product; RemoveProductRejected (a refused command) → product.
        List<String> words = Names.words(name);
        String about = name.endsWith("Rejected") && words.size() > 2 ? words.get(1) : words.get(0);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(Names.lowerFirst(about) + "Id", "UUID", 1));
        if (name.endsWith("Rejected")) {
            fields.add(new Field("reason", "String", 1));
        }
        return fields;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
