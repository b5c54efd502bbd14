package se.region.governance.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import se.region.governance.gateway.config.GatewayConfig;

/**
 * A request line longer than {@code gateway.max-request-line-length} gets a problem+json 414 here.
 * Vert.x's HTTP decoder refuses lines over {@code quarkus.http.limits.max-initial-line-length} before
 * any route runs, with a bare 414 from its built-in invalid-request handler (Quarkus offers no way to
 * replace that handler); that limit is set well above this one so that every line a client
 * plausibly sends is answered here.
 */
public class RequestLineLimit {

    @Inject
    GatewayConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check); // after RequestTracing
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long length = request.method().name().length() + 1L + request.uri().length() + 1 + "HTTP/1.1".length();
        if (length > config.maxRequestLineLength()) {
            // no instance: the URI is what is too long to repeat
            Problems.write(ctx.response(), "uri-too-long", "URI Too Long", 414,
                    "The request line is " + length + " characters long; at most " + config.maxRequestLineLength()
                            + " are accepted", null);
            return;
        }
        ctx.next();
    }
}
