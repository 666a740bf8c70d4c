package org.acme.infrastructure.http;

import jakarta.ws.rs.core.EntityTag;

/** An aggregate's version as an HTTP entity tag, and back from {@code If-Match}. */
public final class EntityTags {

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Reads the version a client expects from {@code If-Match}: {@code "3"}, {@code W/"3"} or
     * {@code 3}; null when the header is absent or {@code *} (any version).
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "If-Match must be the ETag of a GET (a version such as \"3\"), was " + ifMatch);
        }
    }
}
