package org.acme.contracts.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.acme.contracts.generate.GenerationRefused;
import org.acme.contracts.manifest.InvalidManifest;
import org.acme.contracts.repository.RepositoryLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./contracts}: the published language between the bounded contexts, listed, checked and generated. */
@Command(name = "contracts", mixinStandardHelpOptions = true, version = "contracts 1.0",
        description = "Lists, validates and generates the integration events of integration-events.yaml.",
        subcommands = {ListCommand.class, ValidateCommand.class, GenerateCommand.class})
public class ContractsCommand implements Runnable {

    /** Refused by the tool (bad name, unknown context, file exists...): not a crash, so no stack trace. */
    static final int REFUSED = 2;

    @Option(names = "--root", defaultValue = ".", description = "The repository root (default: the current directory).")
    Path root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RepositoryLayout layout() {
        return new RepositoryLayout(root);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // ✓, ✗ and → must survive a terminal whose locale says ASCII.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new ContractsCommand())
                .setExecutionExceptionHandler((exception, commandLine, parsed) -> {
                    if (exception instanceof GenerationRefused || exception instanceof InvalidManifest) {
                        System.err.println("✗ " + exception.getMessage());
                        return REFUSED;
                    }
                    throw exception;
                });
    }
}
