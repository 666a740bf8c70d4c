package org.acme.integrationevents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire identity of an integration event. The type is an explicit string so that renaming or
 * moving the Java class never changes the published language.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Contract {

    /** The event type on the wire, e.g. {@code ProductAdded}: past tense, no {@code Event} suffix. */
    String type();

    /** The current schema version; an additive change raises it, a breaking change is a new type. */
    int version();

    /** The published outcome: a rejected command is published with {@link Outcome#REJECTED}. */
    Outcome outcome() default Outcome.ACCEPTED;

}
