package org.acme.infrastructure.http;

/** A request header that cannot be used as it is (HTTP 400, naming the header). */
public class InvalidHeader extends RuntimeException {

    private final String header;

    public InvalidHeader(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
