package org.acme.infrastructure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.acme.processes.LocalTokens;
import org.junit.jupiter.api.Test;

/** What a verified token is reused for, and what is verified again, against smallrye-jwt's own verifier. */
class VerifiedTokensTest {

    private final JWTAuthContextInfo context = new JWTAuthContextInfo(LocalTokens.publicKeyLocation().toString(), LocalTokens.ISSUER);
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private final VerifiedTokens tokens = new VerifiedTokens(new JWTCallerPrincipalFactory() {
        private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
            verifications.incrementAndGet();
            return verifier.parse(token, info);
        }
    }, now::get);

    @Test
    void aToken_isVerifiedOnce_thenReused_untilAMinuteAfter() throws Exception {
        String token = LocalTokens.mint("clara", List.of("customer"));

        assertThat(tokens.parse(token, context).getSubject()).isEqualTo("clara");
        assertThat(tokens.parse(token, context).getGroups()).containsExactly("customer");
        assertThat(verifications).hasValue(1);

        now.addAndGet(VerifiedTokens.REUSE_FOR.toMillis());
        tokens.parse(token, context);
        assertThat(verifications).as("verified again once the minute is over").hasValue(2);
    }

    @Test
    void aToken_isNotReusedPastItsOwnExpiry() throws Exception {
        String token = LocalTokens.mint("clara", List.of("customer"), Duration.ofSeconds(20));
        tokens.parse(token, context);

        now.addAndGet(Duration.ofSeconds(21).toMillis());
        tokens.parse(token, context);

        assertThat(verifications).as("verified again: the cache stops at its exp").hasValue(2);
    }

    @Test
    void aTamperedToken_isRefused_whileTheGenuineOneIsKept_andAFailureIsNeverKept() throws Exception {
        String genuine = LocalTokens.mint("clara", List.of("customer"));
        tokens.parse(genuine, context);
        String tampered = withClaims(genuine, claimsOf(genuine).replace("\"customer\"", "\"catalog-editor\""));

        assertThatThrownBy(() -> tokens.parse(tampered, context)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(tampered, context)).isInstanceOf(ParseException.class);
        assertThat(verifications).as("the genuine one once, the tampered one each time").hasValue(3);
    }

    @Test
    void aVerification_isReusedOnlyForTheContextItWasMadeIn() throws Exception {
        String token = LocalTokens.mint("clara", List.of("customer"));
        tokens.parse(token, context);

        tokens.parse(token, new JWTAuthContextInfo(context));

        assertThat(verifications).hasValue(2);
    }

    private static String claimsOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String withClaims(String token, String claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
