package org.acme.infrastructure.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error this system answers.
 *
 * @param errors for invalid input: each field at fault and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String correlationId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field; nested fields are written as paths ({@code lines[0].quantity}). */
    public record FieldError(String field, String message) {
    }
}
