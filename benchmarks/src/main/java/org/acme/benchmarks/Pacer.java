package org.acme.benchmarks;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/** An open loop: fires the next request on schedule, whether the earlier ones were answered or not. */
final class Pacer {

    private Pacer() {
    }

    /** Calls {@code send} with a running number {@code rate} times a second for the duration. */
    static int run(double rate, long durationNanos, IntConsumer send) {
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        int sent = 0;
        while (true) {
            long due = start + (long) sent * interval;
            if (due - start >= durationNanos) {
                return sent;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(sent++);
        }
    }
}
