package se.region.governance.gateway.routing;

import io.quarkus.logging.Log;
import io.smallrye.stork.api.NoServiceInstanceFoundException;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import se.region.governance.gateway.upstream.Upstream;

import java.util.Set;

/**
 * Sends each request to one instance of its service, chosen per request ({@link Upstream#choose}), and
 * decides what a failure before any answer leads to. An instance that refused the connection (or did not
 * accept it in time) is marked down. A GET, HEAD or OPTIONS without a body that failed before any answer
 * (refused, or the connection reset) is sent once more, to another instance: nothing of it was answered, and
 * asking again changes nothing. A write is never sent twice: whether the service acted on it is unknown, so
 * the client gets the 503 and decides (UpstreamFailures). A request that got no answer in time is not sent
 * again either: the client has waited long enough.
 *
 * <p>Both the origin of the proxy and its innermost interceptor: sending the request again from here goes
 * straight back to {@link #create} (the interceptors before it are not run twice).
 */
final class BalancedOrigin implements OriginRequestProvider, ProxyInterceptor {

    private static final String ATTEMPT = "gateway.attempt";
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Upstream upstream;
    private final long idleTimeoutMillis;

    BalancedOrigin(Upstream upstream, long idleTimeoutMillis) {
        this.upstream = upstream;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** One request sent to one instance; its end is recorded once for the balancer's count of requests in flight. */
    private static final class Attempt {
        final ServiceInstance instance;
        boolean connectFailed;
        private boolean ended;

        Attempt(ServiceInstance instance) {
            this.instance = instance;
        }

        void end(Throwable failure) {
            if (!ended) {
                ended = true;
                instance.recordEnd(failure);
            }
        }
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        Attempt previous = context.get(ATTEMPT, Attempt.class);
        return upstream.choose(previous == null ? null : Upstream.address(previous.instance)).compose(instance -> {
            Attempt attempt = new Attempt(instance);
            context.set(ATTEMPT, attempt);
            return context.client().request(new RequestOptions()
                            .setHost(instance.getHost()).setPort(instance.getPort()).setIdleTimeout(idleTimeoutMillis))
                    .onFailure(failure -> {
                        attempt.connectFailed = true;
                        upstream.markDown(instance);
                    });
        });
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        boolean repeatable = isRepeatable(context.request());
        if (repeatable) {
            withoutBody(context.request());
        }
        return send(context).recover(failure -> {
            Attempt first = context.get(ATTEMPT, Attempt.class);
            boolean answerTimedOut = first != null && !first.connectFailed && ApiRoutes.UpstreamFailures.isTimeout(failure);
            boolean clientGone = context.request().proxiedRequest().response().closed();
            if (!repeatable || first == null || answerTimedOut || clientGone) {
                return Future.failedFuture(failure);
            }
            Log.infof("%s at %s failed before any answer (%s); %s %s sent to another instance", upstream.name(),
                    Upstream.address(first.instance), failure.toString(), context.request().getMethod(),
                    context.request().getURI());
            return send(context).recover(again -> Future.failedFuture(
                    again instanceof NoServiceInstanceFoundException ? failure : again));
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Attempt attempt = context.get(ATTEMPT, Attempt.class);
        return context.sendResponse().onComplete(sent -> {
            if (attempt != null) {
                attempt.end(sent.failed() ? sent.cause() : null);
            }
        });
    }

    /** Sends to an instance (again: the interceptors before this one have run); a failure ends that attempt. */
    private Future<ProxyResponse> send(ProxyContext context) {
        return context.sendRequest().onFailure(failure -> {
            Attempt attempt = context.get(ATTEMPT, Attempt.class);
            if (attempt != null) {
                attempt.end(failure);
            }
        });
    }

    /** GET, HEAD, OPTIONS without a body: what can be sent again as it was. */
    static boolean isRepeatable(ProxyRequest request) {
        HttpServerRequest received = request.proxiedRequest();
        String length = received.getHeader("Content-Length");
        return IDEMPOTENT.contains(request.getMethod())
                && (length == null || "0".equals(length.trim()))
                && received.getHeader("Transfer-Encoding") == null;
    }

    /** A bodiless request goes out without piping its (empty) body, so it can go out twice. */
    private static void withoutBody(ProxyRequest request) {
        Body body = request.getBody();
        if (body != null) {
            body.stream().resume(); // let the received request end; nothing of it is read
            request.setBody(null);
        }
    }
}
