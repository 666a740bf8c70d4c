package org.acme.contracts.cli;

import java.util.List;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** One line per event: {@code ProductAdded v2 (catalog → orders, inventory)} and what it means. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the integration events: version, publisher → subscribers, description.")
class ListCommand implements Runnable {

    @ParentCommand
    ContractsCommand parent;

    @Override
    public void run() {
        Manifest manifest = ManifestFile.read(parent.layout().manifest());
        System.out.print(render(manifest));
    }

    static String render(Manifest manifest) {
        List<EventEntry> events = manifest.events();
        int width = events.stream().mapToInt(event -> event.summary().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (EventEntry event : events) {
            out.append(String.format("%-" + width + "s  %s%n", event.summary(), event.description()));
        }
        out.append(String.format("%d integration events, %d bounded contexts (%s)%n", events.size(), manifest.contexts().size(),
                Manifest.FILE_NAME));
        return out.toString();
    }
}
