package org.acme.infrastructure.rabbitmq;

import java.time.Duration;

/** Exponential back-off between reconnection attempts, reset after a success. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** Sleeps for the current delay and doubles the next one; false when interrupted. */
    public boolean pause() {
        try {
            Thread.sleep(next.toMillis());
            next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void reset() {
        next = initial;
    }
}
