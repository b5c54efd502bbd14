package se.region.governance.gateway;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Routes /api/v1/** to the service that owns it with Vert.x's reverse proxy, which streams bodies
 * both ways and passes status, headers (ETag, If-Match, If-None-Match, Cache-Control, content
 * types) and bodies through. Added here: Location rewritten to the gateway's own URL, and
 * problem+json 503 (service down) / 504 (no answer in time) instead of a bare 502 or a hang.
 */
public class ApiRoutes {

    @Inject
    GatewayConfig config;

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        route(router, client, "/api/v1/documents", config.routes().documents());
        route(router, client, "/api/v1/plans", config.routes().plans());
        route(router, client, "/api/v1/reports", config.routes().reports());
    }

    private void route(Router router, HttpClient client, String prefix, URI target) {
        SocketAddress origin = SocketAddress.inetSocketAddress(port(target), target.getHost());
        long timeout = config.upstreamTimeout().toMillis();
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                .originRequestProvider((request, c) -> c.request(new RequestOptions()
                        .setServer(origin).setIdleTimeout(timeout)))
                .addInterceptor(new UpstreamFailures(prefix, target))
                .addInterceptor(new LocationRewrite(target, config.publicUrl().filter(s -> !s.isBlank()).orElse(null)));
        router.route(prefix).handler(ctx -> proxy.handle(ctx.request()));
        router.route(prefix + "/*").handler(ctx -> proxy.handle(ctx.request()));
    }

    static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** A service that is down or slow gets a problem+json 503 or 504, never a hang. */
    record UpstreamFailures(String prefix, URI target) implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                boolean timeout = isTimeout(failure);
                int status = timeout ? 504 : 503;
                Log.warnf("Upstream %s for %s failed: %s", target, prefix, failure.toString());
                ProxyResponse response = context.request().response();
                response.setStatusCode(status);
                response.headers().clear();
                response.putHeader("Content-Type", Problems.MEDIA_TYPE);
                if (status == 503) {
                    response.putHeader("Retry-After", "5");
                }
                String service = prefix.substring(prefix.lastIndexOf('/') + 1);
                response.setBody(Body.body(timeout
                        ? Problems.body("upstream-timeout", "Gateway Timeout", 504,
                        "The " + service + " service did not answer in time", context.request().getURI())
                        : Problems.body("upstream-unavailable", "Service Unavailable", 503,
                        "The " + service + " service is not reachable; try again shortly", context.request().getURI())));
                return Future.succeededFuture(response);
            });
        }

        static boolean isTimeout(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")
                        || (t.getMessage() != null && t.getMessage().contains("timeout period"))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A Location pointing at the service is rewritten to the same path on the gateway. */
    record LocationRewrite(URI target, String publicUrl) implements ProxyInterceptor {
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String location = context.response().headers().get("Location");
            if (location != null) {
                context.response().headers().set("Location",
                        rewrite(location, gatewayBase(context.request().proxiedRequest())));
            }
            return context.sendResponse();
        }

        String gatewayBase(HttpServerRequest request) {
            if (publicUrl != null) {
                return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
            }
            String forwardedProto = request.getHeader("X-Forwarded-Proto");
            String scheme = forwardedProto != null ? forwardedProto : request.scheme();
            String host = request.getHeader("X-Forwarded-Host");
            if (host == null) {
                host = request.getHeader("Host");
            }
            return scheme + "://" + host;
        }

        static String rewrite(String location, String gatewayBase) {
            try {
                URI uri = URI.create(location);
                if (!uri.isAbsolute()) {
                    return location.startsWith("/") ? gatewayBase + location : location;
                }
                String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
                if (uri.getRawQuery() != null) {
                    rest += "?" + uri.getRawQuery();
                }
                return gatewayBase + rest;
            } catch (IllegalArgumentException e) {
                return location;
            }
        }
    }
}
