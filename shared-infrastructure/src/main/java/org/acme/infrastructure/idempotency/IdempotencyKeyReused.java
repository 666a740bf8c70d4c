package org.acme.infrastructure.idempotency;

/** An Idempotency-Key sent again with another request than the one it was first sent with (HTTP 422). */
public class IdempotencyKeyReused extends RuntimeException {

    public static final String HEADER = "Idempotency-Key";

    public IdempotencyKeyReused(String firstUsedFor) {
        super("this Idempotency-Key was first sent with another request (" + firstUsedFor
                + "): a key names one request; send a new key for a new request", null, false, false);
    }
}
