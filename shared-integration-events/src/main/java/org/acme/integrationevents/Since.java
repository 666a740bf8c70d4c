package org.acme.integrationevents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema version that added this field to its contract. Fields added after version 1 are
 * optional: a consumer of an older version never sees them, and a publisher may leave them null.
 * A contract's fields without {@code @Since} are its version-1 fields, all required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Since {

    int value();
}
