package se.region.governance.gateway.security;

import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.region.governance.gateway.config.GatewayConfig;
import se.region.governance.gateway.http.Problems;
import se.region.governance.gateway.http.RateLimiter;

/**
 * In front of every /api route: the body size limit by Content-Length (413; a body without one is
 * counted as it streams, see ApiRoutes), the bearer token (verified here with the same rules as the
 * services: signature, issuer, audience, expiry; 401 otherwise) on every method, OPTIONS included
 * (a CORS preflight never gets here: Quarkus's CORS filter answers it first), and the rate limits
 * (429 with Retry-After): per client by the token's {@code sub}, and for requests that fail
 * authentication per client address (the proxy's client address only from a trusted proxy). All
 * answers are problem+json. A client that waits for {@code 100 Continue} gets it once all these
 * checks passed. The public read routes ({@code /api/v1/public/...}) are not guarded here but by PublicAccess.
 */
@Singleton
public class ApiGuard {

    /** The routing-context key holding the verified caller's sub. */
    static final String SUBJECT = "gateway.subject";

    @Inject
    JWTParser parser;

    @Inject
    GatewayConfig config;

    /** The open read routes: no token wanted (one sent is dropped before the service sees it). */
    public static final String PUBLIC_API = "/api/v1/public";

    private RateLimiter perClient;
    private RateLimiter perAddress;

    @PostConstruct
    void limits() {
        perClient = new RateLimiter(config.rateLimit().perSecond(), config.rateLimit().burst());
        perAddress = new RateLimiter(config.rateLimit().unauthenticated().perSecond(),
                config.rateLimit().unauthenticated().burst());
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::guard);
    }

    void guard(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals(PUBLIC_API) || path.startsWith(PUBLIC_API + "/")) {
            ctx.next();
            return;
        }
        if (tooLarge(ctx.request().getHeader("Content-Length"))) {
            ctx.response().putHeader("Connection", "close");
            Problems.write(ctx.response(), "payload-too-large", "Payload Too Large", 413,
                    "The request body is larger than " + config.maxBodySize().asLongValue() + " bytes", path);
            return;
        }
        JsonWebToken token = authenticate(ctx.request().getHeader("Authorization"));
        if (token == null) {
            if (refused(ctx, perAddress, RateLimiter.clientAddress(ctx.request()), path)) {
                return;
            }
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.write(ctx.response(), "unauthorized", "Unauthorized", 401,
                    "A valid bearer token is required", path);
            return;
        }
        if (refused(ctx, perClient, token.getSubject(), path)) {
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
    private static boolean refused(RoutingContext ctx, RateLimiter limiter, String key, String path) {
        long seconds = limiter.secondsToWait(key);
        if (seconds == 0) {
            return false;
        }
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Problems.write(ctx.response(), "too-many-requests", "Too Many Requests", 429,
                "Rate limit of " + limiter.perSecond() + " requests per second exceeded; retry after " + seconds + " s", path);
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
}
