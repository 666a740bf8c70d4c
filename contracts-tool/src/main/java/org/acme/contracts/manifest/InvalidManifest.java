package org.acme.contracts.manifest;

/** The manifest cannot be read as one: the message says where and what is missing. */
public class InvalidManifest extends RuntimeException {

    public InvalidManifest(String message) {
        super(message);
    }
}
