package se.region.governance.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several instances of a service, each a small HTTP server that names itself in its answers and counts the
 * requests it received by method ({@code GET /_received}, asked directly); {@code POST /_stop} makes one stop
 * listening and close its connections, as an instance that is shut down. Routes: documents to two live
 * instances, plans to a live one and a closed port, reports to two closed ports.
 */
public class FakeInstances implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String docsA = start("docs-a");
        String docsB = start("docs-b");
        String plansA = start("plans-a");
        return Map.of(
                "gateway.routes.documents", docsA + "," + docsB,
                "gateway.routes.plans", plansA + "," + closedPort(),
                "gateway.routes.reports", closedPort() + "," + closedPort(),
                // long enough that a test sees an instance skipped, whatever the machine's speed
                "gateway.instance-down-time", "PT1M",
                "gateway.upstream-timeout", "PT10S",
                "gateway.rate-limit.per-second", "1000",
                "gateway.rate-limit.burst", "2000");
    }

    private String start(String name) {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer[] server = new HttpServer[1];
        server[0] = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            if (path.equals("/q/health/ready")) {
                request.response().end("{\"status\":\"UP\"}");
                return;
            }
            if (path.equals("/_received")) {
                JsonObject counts = new JsonObject();
                received.forEach((method, count) -> counts.put(method, count.get()));
                request.response().putHeader("Content-Type", "application/json").end(counts.encode());
                return;
            }
            if (path.equals("/_stop")) {
                request.response().end().onComplete(sent -> server[0].close());
                return;
            }
            received.computeIfAbsent(request.method().name(), m -> new AtomicInteger()).incrementAndGet();
            request.response().setStatusCode("POST".equals(request.method().name()) ? 201 : 200)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("instance", name).put("method", request.method().name()).encode());
        }));
        try {
            server[0].listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return "http://127.0.0.1:" + server[0].actualPort();
    }

    private static String closedPort() {
        return "http://127.0.0.1:" + FakeUpstream.closedPort();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
