package org.acme.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's walk-through, scripts/demo.sh, against the running system, so that the
 * walk-through cannot drift from what the services do: the script checks every answer itself.
 */
@WithRunningSystem
class DemoScriptIT {

    @Test
    void theWalkThrough_passesAgainstTheRunningSystem(RunningSystem system) throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder demo = new ProcessBuilder("bash", repository.resolve("scripts/demo.sh").toString())
                .redirectErrorStream(true);
        demo.environment().put("CATALOG_URL", system.catalog());
        demo.environment().put("ORDERS_URL", system.orders());
        demo.environment().put("INVENTORY_URL", system.inventory());
        demo.environment().put("CATALOG_MANAGEMENT_URL", system.management("catalog"));
        demo.environment().put("ORDERS_MANAGEMENT_URL", system.management("orders"));
        demo.environment().put("INVENTORY_MANAGEMENT_URL", system.management("inventory"));
        demo.environment().put("DEMO_TIMEOUT", "30");

        Process process = demo.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);

        assertThat(finished).as("demo.sh finished in time").isTrue();
        assertThat(process.exitValue()).as("demo.sh exit status; its output:%n%s", output).isZero();
        assertThat(output).contains("demo passed");
    }
}
