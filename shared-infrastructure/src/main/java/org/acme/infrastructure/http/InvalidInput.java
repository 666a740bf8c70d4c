package org.acme.infrastructure.http;

/** A field or header of the request that cannot be used as it is (HTTP 400, naming it). */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
