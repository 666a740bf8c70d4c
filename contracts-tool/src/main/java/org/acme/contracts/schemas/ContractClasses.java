package org.acme.contracts.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * The compiled contract records: every {@code @Contract} class that sits where {@link Contract}
 * itself was loaded from (shared-integration-events' classes, or this tool's shaded jar).
 */
public final class ContractClasses {

    private static final String PACKAGE_PATH = "org/acme/integrationevents/";

    private ContractClasses() {
    }

    public static List<Class<? extends IntegrationEvent>> onClasspath() {
        List<String> classNames = new ArrayList<>();
        try {
            Path location = Path.of(Contract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(PACKAGE_PATH))) {
                    files.map(file -> location.relativize(file).toString().replace('\\', '/')).forEach(classNames::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(JarEntry::getName).filter(name -> name.startsWith(PACKAGE_PATH)).forEach(classNames::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the contract classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the contract classes", e);
        }
        return classNames.stream()
                .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.endsWith("package-info.class"))
                .map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
                .filter(type -> type.isAnnotationPresent(Contract.class) && IntegrationEvent.class.isAssignableFrom(type))
                .<Class<? extends IntegrationEvent>>map(type -> type.asSubclass(IntegrationEvent.class))
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Contract.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("listed but not loadable: " + className, e);
        }
    }
}
