package org.acme.infrastructure.identity;

import static org.acme.infrastructure.testing.Callers.aCaller;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** smallrye-jwt verifies bearer tokens through {@link VerifiedTokens}: what the profile asked to cache is cached. */
@QuarkusTest
class TokenVerifierWiringTest {

    @Inject
    JWTCallerPrincipalFactory verifier;

    @ConfigProperty(name = "quarkus.management.test-port", defaultValue = "9001")
    int managementPort;

    @Test
    void theApplicationsTokens_areVerifiedByVerifiedTokens_andStillRefusedWithoutTheRole() {
        assertThat(ClientProxy.unwrap(verifier)).isInstanceOf(VerifiedTokens.class);

        String url = "http://localhost:" + managementPort + "/dead-letters";
        aCaller("operator-olga", "administrator").get(url).then().statusCode(200);
        aCaller("bob", "customer").get(url).then().statusCode(403);
    }
}
