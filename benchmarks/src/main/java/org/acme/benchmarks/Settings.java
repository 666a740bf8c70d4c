package org.acme.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How long each measurement runs and how much it moves: the full run (by hand, under 20 minutes for
 * two versions) or the smoke run of the test command (seconds, small counts: it proves the command
 * still works, not how fast anything is). Each version is warmed up first (commands and orders for
 * {@code warmUp}, not measured): a JVM that has just started runs interpreted code, and its first
 * seconds say nothing about the design.
 */
record Settings(boolean smoke, Duration limitRun, Duration warmUp, Duration ingestRun, Duration sagaRun,
                Duration sagaStep, int drainRows, int historyEvents, int spreadProducts, List<Integer> sagaRates) {

    static Settings fullRun() {
        return new Settings(false, seconds(8), seconds(20), seconds(12), seconds(12), seconds(8),
                100_000, 100_000, 1_000, List.of(100, 200, 300, 400, 600, 800));
    }

    static Settings smokeRun() {
        return new Settings(true, seconds(1), seconds(2), seconds(2), seconds(2), seconds(2),
                5_000, 1_000, 20, List.of(50, 100));
    }

    private static Duration seconds(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
