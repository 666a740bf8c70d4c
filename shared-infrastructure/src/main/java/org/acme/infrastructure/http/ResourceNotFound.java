package org.acme.infrastructure.http;

/** No resource of this kind has this id (HTTP 404). */
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String kind, Object id) {
        super("no " + kind + " with id " + id);
    }
}
