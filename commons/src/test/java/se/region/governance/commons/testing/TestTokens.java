package se.region.governance.commons.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Mints tokens for tests with the development key of deploy/local/dev-keys (the one
 * {@code deploy/local/token} uses), and the broken variants every security test needs.
 */
public final class TestTokens {

    public static final String ISSUER = "urn:governance:local";
    public static final String AUDIENCE = "governance-api";
    private static final PrivateKey DEV_KEY = readDevKey();

    private TestTokens() {
    }

    /** A valid token for the given roles, unit HR-avdelningen. */
    public static String token(String... roles) {
        return tokenFor("test-" + String.join("-", roles), "HR-avdelningen", roles);
    }

    /** A valid token with a chosen subject and unit. */
    public static String tokenFor(String subject, String unit, String... roles) {
        return claims(subject, unit, roles).sign(DEV_KEY);
    }

    public static String expired(String... roles) {
        return claims("expired", "HR-avdelningen", roles)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(DEV_KEY);
    }

    public static String wrongIssuer(String... roles) {
        return claims("other", "HR-avdelningen", roles).issuer("urn:someone:else").sign(DEV_KEY);
    }

    public static String wrongAudience(String... roles) {
        return claims("other", "HR-avdelningen", roles).audience("another-api").sign(DEV_KEY);
    }

    public static String wrongKey(String... roles) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return claims("forger", "HR-avdelningen", roles).sign(g.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public static String algNone(String... roles) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String payload = b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"none\",\"groups\":[\""
                + String.join("\",\"", roles) + "\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        return header + "." + payload + ".";
    }

    private static JwtClaimsBuilder claims(String subject, String unit, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject)
                .claim("name", "Test " + subject).claim("unit", unit)
                .groups(Set.of(roles)).issuedAt(Instant.now()).expiresIn(3600);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey readDevKey() {
        try {
            String pem = Files.readString(LocalInfra.root().resolve("deploy/local/dev-keys/private.pem"));
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the development key", e);
        }
    }
}
