package se.region.governance.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.region.governance.gateway.config.GatewayConfig;
import se.region.governance.gateway.http.Problems;

import java.time.Duration;

/**
 * In front of every /api route: the body size limit by Content-Length (413; a body without one is
 * counted as it streams, see ApiRoutes), the bearer token (verified here with the same rules as the
 * services: signature, issuer, audience, expiry; 401 otherwise) on every method, OPTIONS included
 * (a CORS preflight never gets here: Quarkus's CORS filter answers it first), and the rate limits
 * (429 with Retry-After): per client by the token's {@code sub}, and for requests that fail
 * authentication per client address (the proxy's client address only from a trusted proxy). All
 * answers are problem+json. A client that waits for {@code 100 Continue} gets it once all these
 * checks passed.
 */
@Singleton
public class ApiGuard {

    /** The routing-context key holding the verified caller's sub. */
    static final String SUBJECT = "gateway.subject";

    @Inject
    JWTParser parser;

    @Inject
    GatewayConfig config;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Bucket> addressBuckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::guard);
    }

    void guard(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (tooLarge(ctx.request().getHeader("Content-Length"))) {
            ctx.response().putHeader("Connection", "close");
            Problems.write(ctx.response(), "payload-too-large", "Payload Too Large", 413,
                    "The request body is larger than " + config.maxBodySize().asLongValue() + " bytes", path);
            return;
        }
        JsonWebToken token = authenticate(ctx.request().getHeader("Authorization"));
        if (token == null) {
            String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
            if (refused(ctx, unauthenticatedBucketOf(address), config.rateLimit().unauthenticated().perSecond(), path)) {
                return;
            }
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.write(ctx.response(), "unauthorized", "Unauthorized", 401,
                    "A valid bearer token is required", path);
            return;
        }
        if (refused(ctx, bucketOf(token.getSubject()), config.rateLimit().perSecond(), path)) {
            return;
        }
        ctx.put(SUBJECT, token.getSubject());
        String expect = ctx.request().getHeader("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            // only now is the body wanted (not before a 401, 413 or 429); the service is not asked again
            ctx.request().headers().remove("Expect");
            ctx.response().writeContinue();
        }
        ctx.next();
    }

    /** Takes one token from the bucket; when it is empty, answers 429 and says so. */
    private static boolean refused(RoutingContext ctx, Bucket bucket, int perSecond, String path) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return false;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Problems.write(ctx.response(), "too-many-requests", "Too Many Requests", 429,
                "Rate limit of " + perSecond + " requests per second exceeded; retry after " + seconds + " s", path);
        return true;
    }

    private boolean tooLarge(String length) {
        if (length == null || length.isEmpty() || length.length() > 18 || !length.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Long.parseLong(length) > config.maxBodySize().asLongValue();
    }

    JsonWebToken authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        JsonWebToken token;
        try {
            // the shared VerifiedTokenCache (commons-security): a client's next request skips the signature check
            token = parser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            Log.debugf("Token refused: %s", e.getMessage());
            return null;
        }
        return token.getSubject() == null ? null : token;
    }

    private Bucket bucketOf(String subject) {
        return buckets.get(subject, s -> bucket(config.rateLimit().burst(), config.rateLimit().perSecond()));
    }

    private Bucket unauthenticatedBucketOf(String address) {
        return addressBuckets.get(address, a -> bucket(config.rateLimit().unauthenticated().burst(),
                config.rateLimit().unauthenticated().perSecond()));
    }

    private static Bucket bucket(int burst, int perSecond) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }
}
