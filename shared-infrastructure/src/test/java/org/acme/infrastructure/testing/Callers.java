package org.acme.infrastructure.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.acme.processes.LocalTokens;

/**
 * Who a test calls the API as: a bearer token signed with the local key pair the services under
 * test verify tokens with ({@link LocalTokens}), or no token at all.
 */
public final class Callers {

    /** The subject of {@link #aTrustedClient()}: the actor its commands record. */
    public static final String TRUSTED_CLIENT = "test-client";

    private Callers() {
    }

    /** A client holding every role a command needs: the tests of what a command does use it. */
    public static RequestSpecification aTrustedClient() {
        return RestAssured.given().auth().oauth2(LocalTokens.everyRole(TRUSTED_CLIENT));
    }

    /** A caller with a subject and roles of its own. */
    public static RequestSpecification aCaller(String subject, String... roles) {
        return RestAssured.given().auth().oauth2(LocalTokens.mint(subject, List.of(roles)));
    }

    /** A caller without a token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }
}
