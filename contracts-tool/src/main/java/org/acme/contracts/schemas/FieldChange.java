package org.acme.contracts.schemas;

/**
 * How one field differs between two schemas of a payload.
 *
 * @param field the field's path: {@code price}, {@code lines[].quantity}
 */
public record FieldChange(String field, Kind kind, String before, String after) {

    public enum Kind {
        REMOVED, ADDED_OPTIONAL, ADDED_REQUIRED, TYPE_CHANGED, BECAME_REQUIRED, BECAME_OPTIONAL, LOST_NULL, GAINED_NULL;

        /**
         * Whether the later schema breaks what the earlier one promised: a field gone or retyped, or
         * one that data valid for the earlier schema may lack (or leave null).
         */
        public boolean breaksCompatibility() {
            return this == REMOVED || this == TYPE_CHANGED || this == BECAME_REQUIRED || this == ADDED_REQUIRED
                    || this == LOST_NULL;
        }
    }

    /** The change in words, e.g. "field price changed type from number to string". */
    public String describe() {
        return switch (kind) {
            case REMOVED -> "field " + field + " is gone (removed or renamed)";
            case ADDED_OPTIONAL -> "field " + field + " was added";
            case ADDED_REQUIRED -> "field " + field + " was added as a required field";
            case TYPE_CHANGED -> "field " + field + " changed type from " + before + " to " + after;
            case BECAME_REQUIRED -> "field " + field + " became required";
            case BECAME_OPTIONAL -> "field " + field + " became optional";
            case LOST_NULL -> "field " + field + " no longer accepts null";
            case GAINED_NULL -> "field " + field + " now accepts null";
        };
    }
}
