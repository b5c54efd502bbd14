package se.region.governance.gateway.routing;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import se.region.governance.gateway.config.GatewayConfig;
import se.region.governance.gateway.config.PublicUrl;
import se.region.governance.gateway.http.Problems;
import se.region.governance.gateway.upstream.Upstream;
import se.region.governance.gateway.upstream.Upstreams;

import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Routes /api/v1/** to an instance of the service that owns it (BalancedOrigin: chosen per request,
 * idempotent requests tried once more elsewhere) with Vert.x's reverse proxy, which streams bodies
 * both ways and passes status, headers (ETag, If-Match, If-None-Match, Cache-Control, content
 * types) and bodies through. Added here: Location rewritten to the gateway's own URL;
 * problem+json 503 (service down) / 504 (no answer in time) instead of a bare 502 or a hang;
 * bodiless answers framed as bodiless; request bodies without Content-Length counted against the
 * size limit as they stream (413).
 */
public class ApiRoutes {

    @Inject
    GatewayConfig config;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Upstreams upstreams;

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setDecompressionSupported(false),
                // Vert.x pools connections per origin: this bound holds for each instance
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        route(router, client, "/api/v1/documents", upstreams.documents());
        route(router, client, "/api/v1/plans", upstreams.plans());
        route(router, client, "/api/v1/reports", upstreams.reports());
        // the open read routes (ADR 10): no token; methods, token and rate limit are PublicAccess's
        route(router, client, "/api/v1/public/documents", upstreams.documents());
        route(router, client, "/api/v1/public/plans", upstreams.plans());
        route(router, client, "/api/v1/public/reports", upstreams.reports());
    }

    /** Sends {@code prefix} and everything under it to the instances of {@code upstream}. */
    void route(Router router, HttpClient client, String prefix, Upstream upstream) {
        BalancedOrigin origin = new BalancedOrigin(upstream, config.upstreamTimeout().toMillis());
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                .origin(origin)
                .addInterceptor(new UpstreamFailures(prefix, upstream.name(), config.maxBodySize().asLongValue()))
                .addInterceptor(new StreamedBodyLimit(config.maxBodySize().asLongValue()))
                .addInterceptor(new BodilessAnswers())
                .addInterceptor(new LocationRewrite(publicUrl))
                .addInterceptor(origin); // innermost: a request it sends again skips the others
        router.route(prefix).handler(ctx -> proxy.handle(ctx.request()));
        router.route(prefix + "/*").handler(ctx -> proxy.handle(ctx.request()));
    }

    /**
     * A service that is down or slow gets a problem+json 503 or 504, never a hang; a request whose
     * streamed body passed the limit (the service's request was reset) gets its 413.
     */
    record UpstreamFailures(String prefix, String upstream, long maxBodySize) implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                if (Boolean.TRUE.equals(context.get(StreamedBodyLimit.EXCEEDED, Boolean.class))) {
                    ProxyResponse response = context.request().response();
                    response.setStatusCode(413);
                    response.headers().clear();
                    response.putHeader("Content-Type", Problems.MEDIA_TYPE);
                    response.putHeader("Connection", "close"); // the rest of the body is not read
                    response.setBody(Body.body(Problems.body("payload-too-large", "Payload Too Large", 413,
                            "The request body is larger than " + maxBodySize + " bytes", context.request().proxiedRequest().path())));
                    return Future.succeededFuture(response);
                }
                boolean timeout = isTimeout(failure);
                int status = timeout ? 504 : 503;
                Log.warnf("Upstream %s for %s failed: %s", upstream, prefix, failure.toString());
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
    record LocationRewrite(PublicUrl publicUrl) implements ProxyInterceptor {
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String location = context.response().headers().get("Location");
            if (location != null) {
                context.response().headers().set("Location",
                        rewrite(location, publicUrl.base(context.request().proxiedRequest())));
            }
            return context.sendResponse();
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

    /**
     * An answer without content (1xx, 204, 304, or to HEAD) leaves as one: no Transfer-Encoding and
     * no chunked framing, whatever the service's framing was. Vert.x frames such an answer itself
     * when it recognises the status, which a custom reason phrase defeats (the proxy copies the
     * service's), and the proxy streams a body of unknown length as chunked; so the reason phrase
     * goes back to the standard one and an unknown-length body becomes none. A Content-Length the
     * service sent (the length of the representation, RFC 9110 8.6) stays.
     */
    record BodilessAnswers() implements ProxyInterceptor {
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            if (isBodiless(context.request().getMethod(), response.getStatusCode())) {
                response.setStatusMessage(null);
                response.headers().remove("Transfer-Encoding");
                int status = response.getStatusCode();
                if (status < 200 || status == 204) {
                    response.headers().remove("Content-Length"); // RFC 9110 8.6: never in 1xx or 204
                }
                Body body = response.getBody();
                if (body != null && (body.length() < 0 || status < 200 || status == 204)) {
                    body.stream().resume(); // let the service's (empty) answer end, so its connection is reused
                    response.setBody(null);
                }
            }
            return context.sendResponse();
        }

        static boolean isBodiless(HttpMethod method, int status) {
            return HttpMethod.HEAD.equals(method) || status < 200 || status == 204 || status == 304;
        }
    }

    /**
     * A request body without Content-Length (chunked) is counted as it streams to the service; past
     * the limit the service's request is reset and the client gets a 413 (see UpstreamFailures). A
     * body with Content-Length over the limit never gets here (ApiGuard).
     */
    record StreamedBodyLimit(long limit) implements ProxyInterceptor {

        static final String EXCEEDED = "gateway.body-limit-exceeded";

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Body body = context.request().getBody();
            if (body != null && body.length() < 0) {
                context.request().setBody(Body.body(
                        new CountingStream(body.stream(), limit, () -> context.set(EXCEEDED, Boolean.TRUE)), -1));
            }
            return context.sendRequest();
        }
    }

    /** Passes buffers on until more than {@code limit} bytes went by, then fails the stream. */
    static final class CountingStream implements ReadStream<Buffer> {
        private final ReadStream<Buffer> source;
        private final long limit;
        private final Runnable onExceeded;
        private long count;
        private boolean exceeded;
        private Handler<Throwable> exceptionHandler;

        CountingStream(ReadStream<Buffer> source, long limit, Runnable onExceeded) {
            this.source = source;
            this.limit = limit;
            this.onExceeded = onExceeded;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(buffer -> {
                if (exceeded) {
                    return;
                }
                count += buffer.length();
                if (count > limit) {
                    exceeded = true;
                    onExceeded.run();
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new IllegalStateException("request body over " + limit + " bytes"));
                    }
                    return;
                }
                handler.handle(buffer);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            source.endHandler(endHandler == null ? null : v -> {
                if (!exceeded) {
                    endHandler.handle(v);
                }
            });
            return this;
        }
    }
}
