package org.acme.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bearer tokens as the local identity provider issues them (scripts/token.sh does the same in the
 * shell): RS256 JWTs signed with the key pair scripts/credentials.sh made in {@code .local/jwt/},
 * issuer {@value #ISSUER}, the roles in {@code groups}. Where there is no such key pair (a machine
 * whose servers are containers), a pair is made for this JVM and its public key written to a file
 * the services are pointed at.
 */
public final class LocalTokens {

    public static final String ISSUER = "integration-events-local";
    /** The roles a command may need (docs/security.md). */
    public static final List<String> ROLES = List.of("catalog-editor", "customer", "warehouse-clerk");
    private static final Duration VALIDITY = Duration.ofHours(2);

    private static volatile PrivateKey signingKey;
    private static volatile Path publicKey;

    private LocalTokens() {
    }

    /** A token for {@code subject} holding {@code roles}, valid for two hours. */
    public static String mint(String subject, List<String> roles) {
        return mint(subject, roles, VALIDITY);
    }

    /** A token for {@code subject} holding {@code roles}, valid for {@code validity}. */
    public static String mint(String subject, List<String> roles, Duration validity) {
        Instant now = Instant.now();
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String groups = roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(","));
        String claims = encode("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"groups\":[" + groups + "],\"iat\":"
                + now.getEpochSecond() + ",\"exp\":" + now.plus(validity).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey());
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** A token holding every role a command may need: a trusted client, for tests and load. */
    public static String everyRole(String subject) {
        return mint(subject, ROLES);
    }

    /** The public key the services verify tokens with (their JWT_PUBLIC_KEY_LOCATION). */
    public static synchronized Path publicKeyLocation() {
        if (publicKey == null) {
            Path local = LocalCredentials.localDirectory().resolve("jwt/public.pem");
            if (Files.exists(local)) {
                publicKey = local;
            } else {
                makeKeyPairForThisJvm();
            }
        }
        return publicKey;
    }

    private static synchronized PrivateKey signingKey() throws GeneralSecurityException {
        if (signingKey == null) {
            publicKeyLocation();
            if (signingKey == null) {
                signingKey = readPrivateKey(LocalCredentials.localDirectory().resolve("jwt/private.pem"));
            }
        }
        return signingKey;
    }

    private static void makeKeyPairForThisJvm() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path file = Files.createTempFile("integration-events-jwt", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            signingKey = pair.getPrivate();
            publicKey = file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a key pair", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey readPrivateKey(Path pem) throws GeneralSecurityException {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem + ": run scripts/local-services.sh", e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
