package se.region.governance.commons.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.region.governance.commons.tokens.config.TokenCacheConfig;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The JWT parser every service and the gateway authenticate with (it replaces smallrye-jwt's
 * default bean): the default parser verifies signature, issuer, audience and expiry, and a token it
 * accepted is remembered, by its exact text, for at most {@code governance.security.token-cache.ttl}
 * (default 60 s) and never past its own {@code exp}. A client sends the same bearer token with every
 * request, and the RSA verification and JSON parsing were the largest cost of a small GET.
 * <p>
 * Only successes are cached: a token that fails is verified again every time, and a token one
 * character off is a different key. The trade-off: after the signing key is rotated out, a token
 * already accepted keeps working until the TTL has passed (at most the TTL). {@code max-size=0} turns
 * the cache off.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final JWTParser delegate;
    private final Cache<String, JsonWebToken> verified;
    private final LongSupplier clockMillis;

    @Inject
    public VerifiedTokenCache(DefaultJWTParser delegate, TokenCacheConfig config) {
        this(delegate, config.maxSize(), config.ttl(), System::currentTimeMillis);
    }

    VerifiedTokenCache(JWTParser delegate, long maxSize, Duration ttl, LongSupplier clockMillis) {
        this.delegate = delegate;
        this.clockMillis = clockMillis;
        this.verified = maxSize <= 0 || ttl.isZero() || ttl.isNegative() ? null : Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(() -> clockMillis.getAsLong() * 1_000_000L)
                .expireAfter(new Expiry<String, JsonWebToken>() {
                    @Override
                    public long expireAfterCreate(String token, JsonWebToken jwt, long now) {
                        long untilExp = jwt.getExpirationTime() * 1000L - clockMillis.getAsLong();
                        return Math.max(0, Math.min(ttl.toMillis(), untilExp)) * 1_000_000L;
                    }

                    @Override
                    public long expireAfterUpdate(String token, JsonWebToken jwt, long now, long current) {
                        return expireAfterCreate(token, jwt, now);
                    }

                    @Override
                    public long expireAfterRead(String token, JsonWebToken jwt, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null || token == null) {
            return delegate.parse(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() * 1000L > clockMillis.getAsLong()) {
            return known;
        }
        JsonWebToken jwt = delegate.parse(token); // throws when the signature, issuer, audience or expiry is wrong
        verified.put(token, jwt);
        return jwt;
    }

    /** Tokens currently remembered (for tests and metrics). */
    long size() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    // Everything else goes straight to the default parser (other keys or contexts: nothing cached).

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
