package org.acme.contracts.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.acme.contracts.asyncapi.AsyncApiDocument;
import org.acme.contracts.generate.Field;
import org.acme.contracts.generate.NewIntegrationEvent;
import org.acme.contracts.generate.NewSubscriber;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.schemas.ContractClasses;
import org.acme.contracts.schemas.EventContract;
import org.acme.contracts.schemas.SchemaGeneration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The generators: a contract, a subscriber, the schemas, the AsyncAPI document. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates a contract, a subscriber, the JSON Schemas or the AsyncAPI document.",
        subcommands = {GenerateCommand.IntegrationEvent.class, GenerateCommand.Subscriber.class, GenerateCommand.Schemas.class,
                GenerateCommand.AsyncApi.class})
class GenerateCommand implements Runnable {

    @ParentCommand
    ContractsCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "integration-event", mixinStandardHelpOptions = true,
            description = "Writes a contract record (version 1) in its publisher's package and "
            + "declares it in integration-events.yaml.")
    static class IntegrationEvent implements Callable<Integer> {

        @ParentCommand
        GenerateCommand generate;

        @Parameters(index = "0", paramLabel = "<Name>", description = "Past tense, no suffix: ProductDiscontinued.")
        String name;

        @Option(names = "--publisher", required = true, description = "The context that owns and publishes it.")
        String publisher;

        @Option(names = "--subscribers", split = ",", description = "The contexts that react to it, comma-separated.")
        List<String> subscribers = new ArrayList<>();

        @Option(names = "--description", description = "One sentence on what happened (default: the name as a sentence).")
        String description;

        @Option(names = "--field", paramLabel = "name:Type", description = "A field of version 1, repeatable "
                + "(default: <aggregate>Id:UUID, plus reason:String for a <Command>Rejected).")
        List<String> fields = new ArrayList<>();

        @Override
        public Integer call() {
            RepositoryLayout layout = generate.parent.layout();
            List<String> written = new NewIntegrationEvent(name, publisher, subscribers, description,
                    fields.stream().map(Field::parse).toList()).writeInto(layout);
            written.forEach(file -> System.out.println("✓ wrote " + file));
            System.out.println("Next: fill in its fields, publish it from a " + publisher + " slice, then");
            System.out.println("  ./contracts generate schemas      (commits " + name + ".v1, once it compiles)");
            System.out.println("  ./contracts generate asyncapi");
            subscribers.forEach(subscriber -> System.out.println("  ./contracts generate subscriber " + name + " --context "
                    + subscriber + " --then <Reaction>"));
            return 0;
        }
    }

    @Command(name = "subscriber", mixinStandardHelpOptions = true,
            description = "Writes When<Event>Then<Reaction> into a context's service, a failing test "
            + "skeleton for it, and adds the context to the event's subscribers.")
    static class Subscriber implements Callable<Integer> {

        @ParentCommand
        GenerateCommand generate;

        @Parameters(index = "0", paramLabel = "<Event>", description = "The integration event to react to.")
        String event;

        @Option(names = "--context", required = true, description = "The subscribing context.")
        String context;

        @Option(names = "--then", paramLabel = "<Reaction>", description = "What it does, e.g. ConfirmOrder "
                + "(default: Update<Context>).")
        String reaction;

        @Override
        public Integer call() {
            NewSubscriber subscriber = new NewSubscriber(event, context, reaction);
            subscriber.writeInto(generate.parent.layout()).forEach(file -> System.out.println("✓ wrote " + file));
            System.out.println("Next: write the reaction where it says REACTION, and make " + subscriber.className()
                    + "Test assert its one effect (it fails until then); then ./contracts generate asyncapi.");
            return 0;
        }
    }

    @Command(name = "schemas", mixinStandardHelpOptions = true,
            description = "Writes the JSON Schema of every contract version that is not committed yet; "
            + "never rewrites a published version whose fields changed (exit 1 and why).")
    static class Schemas implements Callable<Integer> {

        @ParentCommand
        GenerateCommand generate;

        @Override
        public Integer call() {
            RepositoryLayout layout = generate.parent.layout();
            Manifest manifest = ManifestFile.read(layout.manifest());
            List<EventContract> contracts = ContractClasses.onClasspath().stream()
                    .map(record -> EventContract.of(record, manifest)).toList();
            SchemaGeneration generation = SchemaGeneration.run(contracts, layout);
            generation.written().forEach(file -> System.out.println("✓ wrote " + file));
            System.out.printf("%d schemas unchanged%n", generation.unchanged().size());
            if (!generation.refused().isEmpty()) {
                System.out.println("✗ the contracts break their committed schemas:");
                generation.refused().forEach(violation -> System.out.println("  " + violation));
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "asyncapi", mixinStandardHelpOptions = true,
            description = "Writes docs/asyncapi.yaml from integration-events.yaml and the schemas.")
    static class AsyncApi implements Callable<Integer> {

        @ParentCommand
        GenerateCommand generate;

        @Override
        public Integer call() {
            RepositoryLayout layout = generate.parent.layout();
            AsyncApiDocument.write(ManifestFile.read(layout.manifest()), layout);
            System.out.println("✓ wrote " + layout.relative(layout.asyncApi()));
            return 0;
        }
    }
}
