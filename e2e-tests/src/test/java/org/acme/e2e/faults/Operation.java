package org.acme.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One command the workload sent and what its client saw: OK (2xx), FAILED (an error answer, or the
 * connection refused: it cannot have been applied), or UNKNOWN (no answer: it may have been).
 * The correlation id is unique per operation and travels into every event the command causes.
 *
 * @param subject  the order or product the command is about (the new order's id once placed)
 * @param customer for a placed order: a customer of its own, so an order can be found by it
 * @param lines    for a placed order: product → quantity
 * @param delta    for a stock adjustment
 * @param retryAfter the Retry-After of a refusal, empty when none was given
 */
record Operation(Kind kind, String correlationId, UUID subject, UUID customer, Map<UUID, Integer> lines, int delta,
                 Instant sentAt, Duration latency, Outcome outcome, int status, String contentType, String retryAfter) {

    enum Kind { PLACE_ORDER, CANCEL_ORDER, SHIP_ORDER, ADJUST_STOCK, UPDATE_PRODUCT }

    enum Outcome { OK, FAILED, UNKNOWN }

    static Operation of(Kind kind, String correlationId, UUID subject, UUID customer, Map<UUID, Integer> lines, int delta,
                        Instant sentAt, Http.Answer answer) {
        Outcome outcome = answer.ok() ? Outcome.OK
                : answer.status() > 0 || answer.reach() == Http.Reach.REFUSED ? Outcome.FAILED
                : Outcome.UNKNOWN;
        return new Operation(kind, correlationId, subject, customer, lines, delta, sentAt, answer.latency(), outcome,
                answer.status(), answer.contentType(), answer.retryAfter());
    }

    boolean is(Kind kind, Outcome outcome) {
        return this.kind == kind && this.outcome == outcome;
    }
}
