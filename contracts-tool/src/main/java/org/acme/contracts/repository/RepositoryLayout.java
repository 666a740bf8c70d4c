package org.acme.contracts.repository;

import java.nio.file.Path;
import org.acme.contracts.manifest.Manifest;

/**
 * Where things live in the repository. The tool finds everything by this convention, so the
 * convention is written down once, here.
 */
public record RepositoryLayout(Path root) {

    public static final String CONTRACTS_MODULE = "shared-integration-events";
    public static final String CONTRACTS_PACKAGE = "org.acme.integrationevents";
    public static final String SCHEMAS_RESOURCE_DIRECTORY = "schemas";

    public RepositoryLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path manifest() {
        return root.resolve(Manifest.FILE_NAME);
    }

    public Path mainSources(String module) {
        return root.resolve(module).resolve("src/main/java");
    }

    public Path testSources(String module) {
        return root.resolve(module).resolve("src/test/java");
    }

    /** The package of a publisher's contracts: {@code org.acme.integrationevents.<publisher>}. */
    public static String contractPackage(String publisher) {
        return CONTRACTS_PACKAGE + "." + publisher;
    }

    public Path contractFile(String publisher, String className) {
        return mainSources(CONTRACTS_MODULE).resolve(contractPackage(publisher).replace('.', '/')).resolve(className + ".java");
    }

    public Path schemasDirectory() {
        return root.resolve(CONTRACTS_MODULE).resolve("src/main/resources").resolve(SCHEMAS_RESOURCE_DIRECTORY);
    }

    /** {@code schemas/<publisher>/<Type>.v<N>.schema.json}: the services load it from the classpath by this name. */
    public static String schemaResource(String publisher, String type, int version) {
        return SCHEMAS_RESOURCE_DIRECTORY + "/" + publisher + "/" + type + ".v" + version + ".schema.json";
    }

    public Path schemaFile(String publisher, String type, int version) {
        return schemasDirectory().resolve(publisher).resolve(type + ".v" + version + ".schema.json");
    }

    public Path asyncApi() {
        return root.resolve("docs/asyncapi.yaml");
    }

    /** A path as people read it in messages: relative to the root, with forward slashes. */
    public String relative(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
