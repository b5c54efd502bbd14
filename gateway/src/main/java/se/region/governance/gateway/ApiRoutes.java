package se.region.governance.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/** Routes /api/v1/** to the owning service with Vert.x's reverse proxy. */
public class ApiRoutes {

    @ConfigProperty(name = "gateway.routes.documents")
    URI documents;
    @ConfigProperty(name = "gateway.routes.plans")
    URI plans;
    @ConfigProperty(name = "gateway.routes.reports")
    URI reports;

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient();
        route(router, client, "/api/v1/documents", documents);
        route(router, client, "/api/v1/plans", plans);
        route(router, client, "/api/v1/reports", reports);
    }

    private static void route(Router router, HttpClient client, String prefix, URI target) {
        HttpProxy proxy = HttpProxy.reverseProxy(client).origin(target.getPort(), target.getHost());
        router.route(prefix + "*").handler(ctx -> proxy.handle(ctx.request()));
    }
}
