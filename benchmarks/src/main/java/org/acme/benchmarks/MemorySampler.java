package org.acme.benchmarks;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Samples the resident memory of every service while a load runs, and keeps the largest. */
final class MemorySampler {

    private final Deployment system;
    private final Map<String, Long> largest = new LinkedHashMap<>();

    MemorySampler(Deployment system) {
        this.system = system;
    }

    /** Runs the load on this thread while another samples every half second. */
    void during(Runnable load) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            load.run();
        } finally {
            sampler.interrupt();
        }
    }

    synchronized long largest(String service) {
        return largest.getOrDefault(service, -1L);
    }

    private synchronized void sample() {
        for (String service : Deployment.SERVICES) {
            try {
                largest.merge(service, system.residentMegabytes(service), Math::max);
            } catch (IOException | RuntimeException stopped) {
                // Not running just now (the relay measurement restarts the catalog).
            }
        }
    }
}
