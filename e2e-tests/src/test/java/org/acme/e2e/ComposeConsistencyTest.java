package org.acme.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so this keeps it consistent with
 * what the services really read: names, ports, variables, databases, health checks.
 */
class ComposeConsistencyTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @ParameterizedTest
    @ValueSource(strings = {"catalog", "orders", "inventory"})
    void eachServiceIsBuilt_exposed_andHealthCheckedOnThePortItListensTo(String context) throws IOException {
        Map<String, Object> service = service(context + "-service");
        String port = applicationProperties(context).getProperty("quarkus.http.port");
        String management = applicationProperties(context).getProperty("quarkus.management.port");

        Map<String, Object> build = map(service.get("build"));
        Path dockerfile = REPOSITORY.resolve(build.get("dockerfile").toString());
        assertThat(build.get("context")).isEqualTo(".");
        assertThat(dockerfile).exists();
        assertThat(Files.readString(dockerfile)).contains("EXPOSE " + port)
                .contains("/build/" + context + "-service/target/quarkus-app/");
        assertThat(list(service.get("ports"))).hasSize(2).anyMatch(published -> published.endsWith(":" + port))
                .anyMatch(published -> published.endsWith(":" + management));
        assertThat(String.join(" ", list(map(service.get("healthcheck")).get("test"))))
                .contains("http://127.0.0.1:" + management + "/q/health/ready");
        assertThat(map(service.get("depends_on"))).containsOnlyKeys("postgres", "rabbitmq");
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog", "orders", "inventory"})
    void eachServiceIsGivenOnlyVariablesItReads_theServersItNeeds_andItsOwnIdentities(String context) throws IOException {
        Map<String, Object> environment = map(service(context + "-service").get("environment"));
        String prefix = context.toUpperCase();

        Set<String> read = variablesReadBy(context);
        assertThat(read).as("variables %s-service reads", context).containsAll(environment.keySet());
        assertThat(environment).containsEntry("PG_HOST", "postgres").containsEntry("RABBITMQ_HOST", "rabbitmq")
                .containsEntry("PG_USER", context + "_app").containsEntry("PG_OWNER_USER", context + "_owner")
                .containsEntry("RABBITMQ_USERNAME", context).containsEntry("JWT_PUBLIC_KEY_LOCATION", "/jwt/public.pem");
        assertThat(list(service(context + "-service").get("volumes"))).contains("./.local/jwt/public.pem:/jwt/public.pem:ro");
        assertThat(String.valueOf(environment.get("PG_PASSWORD"))).startsWith("${" + prefix + "_DB_PASSWORD:?");
        assertThat(String.valueOf(environment.get("PG_OWNER_PASSWORD"))).startsWith("${" + prefix + "_DB_OWNER_PASSWORD:?");
        assertThat(String.valueOf(environment.get("RABBITMQ_PASSWORD"))).startsWith("${" + prefix + "_BROKER_PASSWORD:?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog", "orders", "inventory"})
    void postgresIsProvisionedWithTheDatabaseEachServiceUses_byTheScriptsAHostRuns(String context) throws IOException {
        String address = applicationProperties(context).getProperty(context + ".database");
        String contexts = Files.readString(REPOSITORY.resolve("scripts/provision/contexts.sh"));

        assertThat(address).endsWith("/${" + context.toUpperCase() + "_DB:" + context + "}");
        assertThat(contexts).containsPattern("(?m)^CONTEXTS=\\(.*\\b" + context + "\\b");
        assertThat(list(map(service("postgres")).get("volumes"))).contains("./scripts/provision:/provision:ro")
                .anyMatch(volume -> volume.startsWith("./docker/postgres/provision.sh:/docker-entrypoint-initdb.d/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rabbitmq"})
    void theBrokerHasItsManagementUi_isProvisionedAsAHostIs_andIsHealthChecked(String name) {
        Map<String, Object> rabbitmq = service(name);

        assertThat(rabbitmq.get("image").toString()).contains("management");
        assertThat(list(rabbitmq.get("ports"))).anyMatch(port -> port.endsWith(":15672")).anyMatch(port -> port.endsWith(":5672"));
        assertThat(list(rabbitmq.get("volumes"))).contains("./scripts/provision:/provision:ro");
        assertThat(map(rabbitmq.get("environment"))).containsEntry("RABBITMQ_DEFAULT_USER", "admin");
        assertThat(rabbitmq).containsKey("healthcheck");
    }

    @Test
    void nothingInTheComposeFileUsesGuest_orTheDatabaseSuperuser() throws IOException {
        String compose = Files.readString(REPOSITORY.resolve("docker-compose.yml"));

        assertThat(compose).doesNotContainPattern("(?i)\\bguest\\b");
        assertThat(compose).doesNotContain("PG_USER: postgres");
    }

    /** The ${VARIABLES} of a service's application.properties, and those of the settings every service shares. */
    private static Set<String> variablesReadBy(String context) throws IOException {
        Set<String> variables = new HashSet<>();
        for (Path properties : List.of(propertiesFile(context), REPOSITORY.resolve(
                "shared-infrastructure/src/main/resources/META-INF/microprofile-config.properties"))) {
            Matcher matcher = VARIABLE.matcher(Files.readString(properties));
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        // RabbitConfig maps prefix "rabbitmq": host, port, username, password, virtualHost.
        String rabbitConfig = Files.readString(REPOSITORY.resolve(
                "shared-infrastructure/src/main/java/org/acme/infrastructure/rabbitmq/RabbitConfig.java"));
        Matcher method = Pattern.compile("(\\w+)\\(\\);").matcher(rabbitConfig);
        while (method.find()) {
            variables.add("RABBITMQ_" + method.group(1).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
        }
        return variables;
    }

    private static Properties applicationProperties(String context) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(Files.readString(propertiesFile(context)))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Path propertiesFile(String context) {
        return REPOSITORY.resolve(context + "-service/src/main/resources/application.properties");
    }

    private static Map<String, Object> service(String name) {
        try (Reader compose = Files.newBufferedReader(REPOSITORY.resolve("docker-compose.yml"))) {
            Map<String, Object> services = map(map(new Yaml().load(compose)).get("services"));
            assertThat(services).as("services of docker-compose.yml").containsKey(name);
            return map(services.get(name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> map(Object yaml) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) yaml;
        return map;
    }

    private static List<String> list(Object yaml) {
        return ((List<?>) yaml).stream().map(String::valueOf).toList();
    }
}
