package se.region.governance.gateway.publicweb;

import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import se.region.governance.gateway.config.GatewayConfig;
import se.region.governance.gateway.upstream.Upstream;

/**
 * Reads the services' public endpoints for the pages, without blocking: an instance chosen as for the routes
 * ({@link Upstream#choose}, ADR 9), the upstream timeout, and a request that could not connect sent once more to
 * another instance (a GET: nothing was answered, asking again changes nothing).
 */
@Singleton
public class PublicReader {

    /** A service's answer, its body read. */
    record Answer(int status, String contentType, Buffer body) {
    }

    /** The connection to an instance failed: another may be asked. */
    private static final class NotConnected extends RuntimeException {
        final String address;

        NotConnected(String address, Throwable cause) {
            super(cause.toString(), cause, false, false);
            this.address = address;
        }
    }

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private HttpClient client;

    @PostConstruct
    void start() {
        client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
    }

    /** The answer with its body (JSON or HTML: small). */
    Future<Answer> get(Upstream upstream, String uri, String accept) {
        return open(upstream, uri, accept, null).compose(response -> response.body()
                .map(body -> new Answer(response.statusCode(), response.getHeader("Content-Type"), body)));
    }

    /**
     * The answer with its body still to be read (or piped on: a PDF is streamed); {@code ifNoneMatch} is passed on.
     */
    Future<HttpClientResponse> open(Upstream upstream, String uri, String accept, String ifNoneMatch) {
        return attempt(upstream, uri, accept, ifNoneMatch, null).recover(failure -> failure instanceof NotConnected first
                ? attempt(upstream, uri, accept, ifNoneMatch, first.address).recover(again -> Future.failedFuture(first))
                : Future.failedFuture(failure));
    }

    private Future<HttpClientResponse> attempt(Upstream upstream, String uri, String accept, String ifNoneMatch,
                                               String excluded) {
        return upstream.choose(excluded).compose(instance -> {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                    .setHost(instance.getHost()).setPort(instance.getPort()).setURI(uri)
                    .setIdleTimeout(config.upstreamTimeout().toMillis())
                    .putHeader("Accept", accept);
            if (ifNoneMatch != null) {
                options.putHeader("If-None-Match", ifNoneMatch);
            }
            return client.request(options)
                    .recover(failure -> {
                        upstream.markDown(instance);
                        instance.recordEnd(failure);
                        return Future.failedFuture(new NotConnected(Upstream.address(instance), failure));
                    })
                    .compose(request -> request.send()
                            .onSuccess(response -> response.end().onComplete(end -> recordEnd(instance, end.cause())))
                            .onFailure(failure -> recordEnd(instance, failure)));
        });
    }

    private static void recordEnd(ServiceInstance instance, Throwable failure) {
        instance.recordEnd(failure);
    }
}
