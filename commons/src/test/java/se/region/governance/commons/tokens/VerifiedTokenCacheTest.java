package se.region.governance.commons.tokens;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.LocalInfra;
import se.region.governance.commons.testing.TestTokens;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cache in front of the real verifier (dev key, issuer, audience as the services configure them). */
class VerifiedTokenCacheTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private final JWTParser verifier = counting(realParser());

    @Test
    void aVerifiedTokenIsVerifiedOnceWithinTheTtl() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 100, Duration.ofSeconds(60), now::get);
        String token = TestTokens.token("reader");
        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);
        assertSame(first, second);
        assertEquals(1, verifications.get());
        assertEquals("test-reader", second.getSubject());

        now.addAndGet(61_000); // past the TTL: verified again
        cache.parse(token);
        assertEquals(2, verifications.get());
    }

    @Test
    void failuresAreNeverCached() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 100, Duration.ofSeconds(60), now::get);
        for (String bad : new String[] {TestTokens.wrongKey("reader"), TestTokens.wrongIssuer("reader"),
                TestTokens.wrongAudience("reader"), TestTokens.expired("reader"), TestTokens.algNone("reader")}) {
            assertThrows(ParseException.class, () -> cache.parse(bad));
            assertThrows(ParseException.class, () -> cache.parse(bad));
        }
        assertEquals(10, verifications.get(), "every attempt reached the verifier");
        assertEquals(0, cache.size());
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsNotAHit() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 100, Duration.ofSeconds(60), now::get);
        String token = TestTokens.token("reader");
        cache.parse(token);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"reader\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertThrows(ParseException.class, () -> cache.parse(tampered));
    }

    @Test
    void nothingIsAnsweredFromTheCachePastTheTokensExpiry() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 100, Duration.ofHours(2), now::get);
        String token = TestTokens.token("reader"); // expires in one hour
        cache.parse(token);
        now.addAndGet(Duration.ofMinutes(61).toMillis());
        cache.parse(token); // the cache does not answer; the verifier decides (with its own clock and skew)
        assertEquals(2, verifications.get());
    }

    @Test
    void sizeZeroTurnsTheCacheOff() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 0, Duration.ofSeconds(60), now::get);
        String token = TestTokens.token("reader");
        cache.parse(token);
        cache.parse(token);
        assertEquals(2, verifications.get());
    }

    private JWTParser counting(JWTParser real) {
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, args) -> {
                    verifications.incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static JWTParser realParser() {
        try {
            String pem = Files.readString(LocalInfra.root().resolve("deploy/local/dev-keys/public.pem"));
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            JWTAuthContextInfo context = new JWTAuthContextInfo(key, TestTokens.ISSUER);
            context.setExpectedAudience(Set.of(TestTokens.AUDIENCE));
            return new DefaultJWTParser(context);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
