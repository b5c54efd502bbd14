package se.region.governance.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP server standing in for a service, so the gateway's own behaviour can be driven into
 * the cases the real services cannot be made to show on demand (a hang, a refused connection). It
 * echoes what it received and answers the status, headers and body the test asks for. The real
 * services are exercised through the gateway by EndToEndTest.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            if (path.startsWith("/api/v1/reports")) {
                return; // never answers: the gateway must give up with a 504
            }
            var response = request.response();
            if (path.endsWith("/created")) {
                response.setStatusCode(201)
                        .putHeader("Location", "http://" + request.authority() + "/api/v1/documents/42")
                        .putHeader("ETag", "\"1\"")
                        .end();
                return;
            }
            if (path.endsWith("/problem")) {
                response.setStatusCode(409).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"https://governance.region.se/problems/conflict\",\"title\":\"Conflict\",\"status\":409}");
                return;
            }
            if (path.endsWith("/no-content")) {
                response.setStatusCode(204).end();
                return;
            }
            if (path.endsWith("/binary")) {
                Buffer pdf = Buffer.buffer();
                for (int i = 0; i < 300_000; i++) {
                    pdf.appendByte((byte) (i % 251));
                }
                response.putHeader("Content-Type", "application/pdf").end(pdf);
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            response.putHeader("Content-Type", "application/json")
                    .putHeader("ETag", "\"7\"")
                    .putHeader("Cache-Control", "private, max-age=0, must-revalidate");
            if ("\"7\"".equals(request.getHeader("If-None-Match"))) {
                response.setStatusCode(304).end();
                return;
            }
            response.end(new JsonObject()
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("bodyLength", body.length()).encode());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String upstream = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "gateway.routes.documents", upstream,
                "gateway.routes.plans", "http://127.0.0.1:" + closedPort(),
                "gateway.routes.reports", upstream,
                "gateway.upstream-timeout", "PT1S",
                "gateway.rate-limit.per-second", "1",
                "gateway.rate-limit.burst", "20",
                "gateway.rate-limit.unauthenticated.per-second", "1",
                "gateway.rate-limit.unauthenticated.burst", "20",
                // the tests' own address is the trusted proxy; a client bound to 127.0.0.2 is anyone else
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // free now, closed when the gateway calls it
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
