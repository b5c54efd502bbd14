package se.region.governance.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import se.region.governance.gateway.config.GatewayConfig;
import se.region.governance.gateway.config.PublicUrl;
import se.region.governance.gateway.http.Problems;
import se.region.governance.gateway.upstream.Upstream;
import se.region.governance.gateway.upstream.Upstreams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The open documentation routes: {@code /openapi} (the services' OpenAPI documents merged, cached
 * briefly) and {@code /asyncapi} (the event contract, a file kept true by AsyncApiTest).
 */
public class ApiDocsRoutes {

    static final String ASYNCAPI_RESOURCE = "asyncapi.yaml";

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Upstreams services;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Cached cached;
    private byte[] asyncApi;

    private record Cached(ObjectNode document, long at, boolean complete) {
    }

    private record Source(String tag, String description, String prefix, Upstream service) {
    }

    void install(@Observes Router router) {
        asyncApi = readAsyncApi();
        router.get("/openapi").handler(this::openApi);
        router.get("/openapi.json").handler(this::openApi);
        router.get("/asyncapi").handler(this::asyncApi);
        router.get("/asyncapi.yaml").handler(this::asyncApi);
    }

    private void asyncApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=300")
                .end(io.vertx.core.buffer.Buffer.buffer(asyncApi));
    }

    private void openApi(RoutingContext ctx) {
        String server = publicUrl.base(ctx.request());
        mergedDocument().whenComplete((doc, failure) -> {
            if (failure != null) {
                Log.error("Could not build the merged OpenAPI document", failure);
                Problems.write(ctx.response(), "internal", "Internal Server Error", 500,
                        "The API document could not be assembled", "/openapi");
                return;
            }
            ObjectNode copy = doc.deepCopy();
            copy.putArray("servers").addObject().put("url", server).put("description", "The gateway");
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(copy.toString());
        });
    }

    CompletableFuture<ObjectNode> mergedDocument() {
        Cached c = cached;
        if (c != null && c.complete() && System.currentTimeMillis() - c.at() < config.openapi().cache().toMillis()) {
            return CompletableFuture.completedFuture(c.document());
        }
        List<Source> upstreams = List.of(
                new Source("governance-docs-service", "The register of governing documents (styrdokument)", "Docs",
                        services.documents()),
                new Source("action-plan-service", "The action plan of regionstyrelsen 2022-08-17 § 183", "Plans",
                        services.plans()),
                new Source("reporting-service", "Follow-up reports compiled from events", "Reports",
                        services.reports()));
        List<CompletableFuture<JsonNode>> fetches = upstreams.stream().map(this::fetch).toList();
        return CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<OpenApiMerger.ServiceDoc> docs = new ArrayList<>();
            List<String> unavailable = new ArrayList<>();
            for (int i = 0; i < upstreams.size(); i++) {
                JsonNode doc = fetches.get(i).join();
                Source u = upstreams.get(i);
                if (doc == null) {
                    unavailable.add(u.tag());
                } else {
                    docs.add(new OpenApiMerger.ServiceDoc(u.tag(), u.description(), u.prefix(), doc));
                }
            }
            ObjectNode merged = new OpenApiMerger(json).merge(docs, "/", unavailable);
            cached = new Cached(merged, System.currentTimeMillis(), unavailable.isEmpty());
            return merged;
        });
    }

    private CompletableFuture<JsonNode> fetch(Source upstream) {
        return upstream.service().anyInstance().toCompletionStage().toCompletableFuture().thenCompose(base -> {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        }).thenApply(response -> {
            if (response.statusCode() != 200) {
                Log.warnf("OpenAPI of %s answered %d", upstream.tag(), response.statusCode());
                return (JsonNode) null;
            }
            try {
                return json.readTree(response.body());
            } catch (IOException e) {
                Log.warnf("OpenAPI of %s is not JSON: %s", upstream.tag(), e.getMessage());
                return null;
            }
        }).exceptionally(failure -> {
            Log.warnf("OpenAPI of %s not reachable: %s", upstream.tag(), failure.getMessage());
            return null;
        });
    }

    static byte[] readAsyncApi() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ASYNCAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ASYNCAPI_RESOURCE + " is missing from the gateway's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
