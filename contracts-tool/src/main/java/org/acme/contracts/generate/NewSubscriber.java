package org.acme.contracts.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.repository.RepositoryLayout;

/**
 * Writes a subscriber skeleton {@code When<Event>Then<Reaction>} into a context's service, a test of
 * it that fails until someone writes down the one effect it must have, and declares the
 * subscription in the manifest.
 *
 * <p>The skeleton needs no idempotency code of its own: {@code handle} runs in the transaction that
 * records the event id in the service's inbox, so a redelivered event never reaches it twice. Until
 * its reaction is written it throws, so no event is silently acknowledged by an empty subscriber.
 *
 * @param reaction the {@code Then} part; by default {@code Update<Context>}
 */
public record NewSubscriber(String event, String context, String reaction) {

    public NewSubscriber {
        reaction = reaction == null || reaction.isBlank() ? "Update" + Names.upperFirst(context) : reaction.strip();
        if (!reaction.matches("[A-Z][A-Za-z0-9]*")) {
            throw new GenerationRefused("the reaction is an UpperCamelCase verb phrase, e.g. ConfirmOrder or "
                    + "AddToProductView; got " + reaction);
        }
    }

    public String className() {
        return "When" + event + "Then" + reaction;
    }

    /** Writes the subscriber, its test and the manifest; answers the files written, relative to the root. */
    public List<String> writeInto(RepositoryLayout layout) {
        Manifest manifest = ManifestFile.read(layout.manifest());
        EventEntry entry = manifest.event(event).orElseThrow(() -> new GenerationRefused(event + " is not in "
                + Manifest.FILE_NAME + ": generate it first with ./contracts generate integration-event " + event
                + " --publisher <context>"));
        BoundedContext subscriber = manifest.context(context).orElseThrow(() -> new GenerationRefused(context
                + " is not a bounded context of " + Manifest.FILE_NAME + "; known: "
                + manifest.contexts().stream().map(BoundedContext::name).toList()));
        if (entry.publisher().equals(context)) {
            throw new GenerationRefused(context + " publishes " + event + " itself: inside a context, react to the domain "
                    + "event, not to the integration event");
        }
        ContractSource contract = ContractSource.of(layout, event);
        String subscriberPackage = "org.acme." + context + ".subscribers." + entry.publisher();
        Path main = layout.mainSources(subscriber.serviceModule()).resolve(subscriberPackage.replace('.', '/'))
                .resolve(className() + ".java");
        Path test = layout.testSources(subscriber.serviceModule()).resolve(("org.acme." + context + ".subscribers").replace('.', '/'))
                .resolve(className() + "Test.java");
        for (Path file : List.of(main, test)) {
            if (Files.exists(file)) {
                throw new GenerationRefused(layout.relative(file) + " already exists; choose another reaction with --then");
            }
        }
        NewIntegrationEvent.write(main, subscriberSource(subscriberPackage, contract, entry));
        NewIntegrationEvent.write(test, testSource(contract, entry));
        ManifestFile.write(layout.manifest(), manifest.withSubscriber(event, context));
        return List.of(layout.relative(main), layout.relative(test), Manifest.FILE_NAME);
    }

    String subscriberSource(String subscriberPackage, ContractSource contract, EventEntry entry) {
        int version = contract.version();
        String variable = Names.variableFor(event);
        String versions = IntStream.rangeClosed(1, version).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        out.append("package ").append(subscriberPackage).append(";\n\n");
        out.append("import io.smallrye.mutiny.Uni;\n");
        out.append("import jakarta.enterprise.context.ApplicationScoped;\n");
        out.append("import java.time.Clock;\n");
        out.append("import java.util.Set;\n");
        out.append("import org.acme.infrastructure.subscriptions.Subscriber;\n");
        out.append("import org.acme.integrationevents.Envelope;\n");
        out.append("import org.acme.integrationevents.EnvelopeCodec;\n");
        out.append("import org.acme.integrationevents.IntegrationEvent;\n");
        out.append("import org.acme.integrationevents.MalformedEnvelope;\n");
        out.append("import ").append(contract.qualifiedName()).append(";\n\n");
        out.append("/**\n");
        out.append(" * ").append(event).append(", from ").append(entry.publisher())
                .append(entry.description().isBlank() ? "." : ": " + entry.description()).append("\n");
        out.append(" * TODO: say in one line what ").append(context).append(" does about it.\n");
        out.append(" *\n");
        out.append(" * <p>{@link #handle} runs in the transaction that records the event's id in ")
                .append(BoundedContext.possessive(context)).append(" inbox, so a\n");
        out.append(" * redelivered ").append(event).append(" is skipped: the reaction is idempotent by construction, as long as it\n");
        out.append(" * changes only ").append(BoundedContext.possessive(context)).append(" own database, in that transaction.\n");
        out.append(" */\n");
        out.append("@ApplicationScoped\n");
        out.append("public class ").append(className()).append(" implements Subscriber {\n\n");
        out.append("    private final Clock clock;\n\n");
        out.append("    // Constructor injection: add the slice handler or read model the reaction needs.\n");
        out.append("    public ").append(className()).append("(Clock clock) {\n");
        out.append("        this.clock = clock;\n");
        out.append("    }\n\n");
        out.append("    /** The inbox keeps what this subscriber applied under this name: never change it. */\n");
        out.append("    @Override\n");
        out.append("    public String name() {\n");
        out.append("        return \"").append(className()).append("\";\n");
        out.append("    }\n\n");
        out.append("    @Override\n");
        out.append("    public Class<? extends IntegrationEvent> contract() {\n");
        out.append("        return ").append(contract.className()).append(".class;\n");
        out.append("    }\n\n");
        out.append("    @Override\n");
        out.append("    public Set<Integer> versions() {\n");
        out.append("        return Set.of(").append(versions).append(");\n");
        out.append("    }\n\n");
        out.append("    @Override\n");
        out.append("    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {\n");
        out.append("        ").append(contract.className()).append(' ').append(variable).append(" = EnvelopeCodec.payload(envelope, ")
                .append(contract.className()).append(".class);\n");
        for (Field field : contract.fields()) {
            if (field.since() > 1) {
                out.append("        // Versions before ").append(field.since()).append(" have no ").append(field.name())
                        .append(": it reads as null there. Handle each version explicitly (switch on envelope.schemaVersion()).\n");
            }
        }
        out.append("        // ==== REACTION: write it here ====\n");
        out.append("        // Turn ").append(variable).append(" into a command of ").append(context)
                .append(" or a change to one of its read models, e.g.\n");
        out.append("        //   return handler.handle(new SomeCommand(").append(variable).append(".")
                .append(contract.fields().isEmpty() ? "..." : contract.fields().get(0).name() + "()").append("),\n");
        out.append("        //           CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));\n");
        out.append("        // (org.acme.infrastructure.commands.CommandMetadata: it keeps the event's correlation, names it\n");
        out.append("        // as the cause.)\n");
        out.append("        // (a Uni on the inbox's session: chain every statement). A failure rolls the transaction back: the\n");
        out.append("        // message is retried (as long as the failure is transient), then dead-lettered with the reason.\n");
        out.append("        // Until the reaction is written, every ").append(event).append(" is refused rather than lost:\n");
        out.append("        throw new UnsupportedOperationException(getClass().getSimpleName() + \" has no reaction yet\");\n");
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    String testSource(ContractSource contract, EventEntry entry) {
        SampleValues samples = new SampleValues(contract);
        String instance = samples.instance();
        Set<String> imports = new TreeSet<>(samples.imports());
        imports.add("io.quarkus.test.junit.QuarkusTest");
        imports.add("java.util.UUID");
        imports.add("org.acme.infrastructure.testing.QueueProbe");
        imports.add("org.acme.infrastructure.testing.TestMessages");
        imports.add("org.acme.integrationevents.Envelope");
        imports.add("org.junit.jupiter.api.AfterEach");
        imports.add("org.junit.jupiter.api.BeforeEach");
        imports.add("org.junit.jupiter.api.Test");
        String testName = Names.lowerFirst(event) + "_deliveredTwice_" + Names.lowerFirst(reaction) + "Once";
        String aggregateType = Names.words(event).get(0);
        String queue = context + ".integration-events.dlq";
        StringBuilder out = new StringBuilder();
        out.append("package org.acme.").append(context).append(".subscribers;\n\n");
        out.append("import static org.assertj.core.api.Assertions.assertThat;\n");
        out.append("import static org.junit.jupiter.api.Assertions.fail;\n\n");
        imports.stream().filter(name -> !name.startsWith("java.")).filter(name -> name.startsWith("io.") || name.startsWith("com."))
                .forEach(name -> out.append("import ").append(name).append(";\n"));
        imports.stream().filter(name -> name.startsWith("java.")).forEach(name -> out.append("import ").append(name).append(";\n"));
        imports.stream().filter(name -> !name.startsWith("java.") && !name.startsWith("io.") && !name.startsWith("com."))
                .forEach(name -> out.append("import ").append(name).append(";\n"));
        out.append("\n/** ").append(className()).append(" through the real broker: one effect, however often ").append(event)
                .append(" arrives. */\n");
        out.append("@QuarkusTest\n");
        out.append("class ").append(className()).append("Test {\n\n");
        out.append("    private QueueProbe deadLetters;\n\n");
        out.append("    @BeforeEach\n");
        out.append("    void watchDeadLetters() throws Exception {\n");
        out.append("        deadLetters = QueueProbe.ofQueue(\"").append(queue).append("\");\n");
        out.append("    }\n\n");
        out.append("    @AfterEach\n");
        out.append("    void stopWatching() throws Exception {\n");
        out.append("        deadLetters.close();\n");
        out.append("    }\n\n");
        out.append("    @Test\n");
        out.append("    void ").append(testName).append("() throws Exception {\n");
        out.append("        UUID id = UUID.randomUUID();\n");
        out.append("        Envelope event = TestMessages.envelope(").append(instance).append(",\n");
        out.append("                \"").append(entry.publisher()).append("\", \"").append(aggregateType).append("\", id, 1L);\n");
        out.append("        TestMessages.publish(event);\n");
        out.append("        TestMessages.publish(event);\n\n");
        out.append("        // ==== EFFECT: wait for it through ").append(BoundedContext.possessive(context))
                .append(" API or model (awaitility), and assert\n");
        out.append("        // that it happened exactly once. Then delete this fail:\n");
        out.append("        fail(\"").append(className()).append(": describe and assert the one effect of ").append(event)
                .append(" on ").append(context).append(", delivered twice\");\n\n");
        out.append("        // A reaction that throws is retried, then dead-lettered: none of this event may be there.\n");
        out.append("        assertThat(deadLetters.matching(message ->\n");
        out.append("                event.id().toString().equals(message.properties().getMessageId()))).isEmpty();\n");
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }
}
