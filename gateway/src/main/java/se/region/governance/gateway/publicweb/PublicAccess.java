package se.region.governance.gateway.publicweb;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import se.region.governance.gateway.config.GatewayConfig;
import se.region.governance.gateway.http.Problems;
import se.region.governance.gateway.http.RateLimiter;

/**
 * In front of the anonymous routes, the pages ({@code /public/**}) and the public read API
 * ({@code /api/v1/public/**}): GET and HEAD only (405), a token sent is dropped (the services' public answers
 * are the same for everyone, and no token travels where none is wanted), and a rate limit per client address
 * (429 with Retry-After). The API gets problem+json, the pages a page.
 */
@Singleton
public class PublicAccess {

    static final String PUBLIC_API = "/api/v1/public";

    @Inject
    GatewayConfig config;

    @Inject
    PageResponses pages;

    private RateLimiter perAddress;

    @PostConstruct
    void limits() {
        perAddress = new RateLimiter(config.rateLimit().anonymous().perSecond(), config.rateLimit().anonymous().burst());
    }

    void install(@Observes Router router) {
        // before ApiGuard (-100), which lets the public API through untouched
        router.route(PUBLIC_API).order(-110).handler(this::guard);
        router.route(PUBLIC_API + "/*").order(-110).handler(this::guard);
        router.route("/public").order(-110).handler(this::guard);
        router.route("/public/*").order(-110).handler(this::guard);
    }

    void guard(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean api = path.startsWith(PUBLIC_API);
        HttpMethod method = ctx.request().method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            ctx.response().putHeader("Allow", "GET, HEAD");
            if (api) {
                Problems.write(ctx.response(), "method-not-allowed", "Method Not Allowed", 405,
                        "The public routes are read-only: GET or HEAD", path);
            } else {
                pages.error(ctx, 405, "Sidorna går bara att läsa", "Sidorna för insyn går bara att läsa.");
            }
            return;
        }
        long seconds = perAddress.secondsToWait(RateLimiter.clientAddress(ctx.request()));
        if (seconds > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            if (api) {
                Problems.write(ctx.response(), "too-many-requests", "Too Many Requests", 429,
                        "Rate limit of " + perAddress.perSecond() + " requests per second exceeded; retry after "
                                + seconds + " s", path);
            } else {
                pages.error(ctx, 429, "För många förfrågningar",
                        "Du har gjort många förfrågningar på kort tid. Försök igen om " + seconds + " sekunder.");
            }
            return;
        }
        ctx.request().headers().remove("Authorization");
        ctx.next();
    }
}
