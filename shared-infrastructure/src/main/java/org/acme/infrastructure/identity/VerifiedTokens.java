package org.acme.infrastructure.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens verified once, then reused (decision 0018). A client sends the same token with every
 * request for as long as it lives, and checking its RS256 signature again each time was a sixth of
 * the command path's CPU in the profile. A verified token is reused until the earlier of its own
 * expiry and {@link #REUSE_FOR} after it was verified, so a token whose signing key was withdrawn
 * stops passing within that time; a token that fails is never kept, and a tampered one is another
 * string, verified on its own. The cache holds at most {@link #MOST_TOKENS} tokens of at most
 * {@link #LONGEST_TOKEN} characters: beyond that, tokens are verified every time.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final Duration REUSE_FOR = Duration.ofSeconds(60);
    static final int MOST_TOKENS = 10_000;
    static final int LONGEST_TOKEN = 4_096;

    /** A verification, for the context it was made in (its keys and issuer), until when it may be reused. */
    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo context, long reusableUntilMillis) {
    }

    private final JWTCallerPrincipalFactory verifier;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), System::currentTimeMillis);
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, LongSupplier clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = clock.getAsLong();
        Verified earlier = verified.get(token);
        if (earlier != null && earlier.context() == context && now < earlier.reusableUntilMillis()) {
            return earlier.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        keep(token, new Verified(principal, context, Math.min(now + REUSE_FOR.toMillis(), expiryMillis(principal))), now);
        return principal;
    }

    private void keep(String token, Verified verification, long now) {
        if (token.length() > LONGEST_TOKEN) {
            return;
        }
        if (verified.size() >= MOST_TOKENS) {
            verified.values().removeIf(entry -> now >= entry.reusableUntilMillis());
            if (verified.size() >= MOST_TOKENS) {
                return;
            }
        }
        verified.put(token, verification);
    }

    /** The token's {@code exp} in milliseconds; without one, it is reused for {@link #REUSE_FOR} alone. */
    private static long expiryMillis(JWTCallerPrincipal principal) {
        long exp = principal.getExpirationTime();
        return exp > 0 ? exp * 1000 : Long.MAX_VALUE;
    }
}
