package se.region.governance.gateway.health;

import io.smallrye.health.api.HealthGroup;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import se.region.governance.gateway.upstream.Upstream;
import se.region.governance.gateway.upstream.Upstreams;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The readiness of every service behind the gateway, instance by instance, for people and monitoring: in
 * {@code /q/health} (as a wellness check), {@code /q/health/well} and {@code /q/health/group/services}. Each
 * service is {@code UP} (every instance ready), {@code DEGRADED (n of m instances up)} (requests still served,
 * by the ready ones) or {@code DOWN (...)}; each instance's own state is shown as {@code <service> <host:port>}.
 * The check is down only when a service has no ready instance. Deliberately not part of the gateway's
 * readiness ({@code /q/health/ready}, see GatewayReadiness): one service down must not take the others off
 * the gateway.
 */
@Wellness
@HealthGroup("services")
@ApplicationScoped
public class ServicesHealth implements HealthCheck {

    static final String UP = "UP";

    @Inject
    Upstreams upstreams;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public HealthCheckResponse call() {
        Map<Upstream, CompletableFuture<Map<String, String>>> states = new LinkedHashMap<>();
        upstreams.all().forEach(upstream -> states.put(upstream, instanceStates(upstream)));
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("services").up();
        states.forEach((upstream, future) -> {
            Map<String, String> instances = future.join();
            String state = serviceState(List.copyOf(instances.values()));
            builder.withData(upstream.name(), state);
            instances.forEach((address, s) -> builder.withData(upstream.name() + " " + address, s));
            if (state.startsWith("DOWN")) {
                builder.down();
            }
        });
        return builder.build();
    }

    /** One service's state from its instances' states: UP, DEGRADED (some up) or DOWN (none up). */
    static String serviceState(List<String> instances) {
        long up = instances.stream().filter(UP::equals).count();
        if (instances.isEmpty()) {
            return "DOWN (no instance)";
        }
        if (up == instances.size()) {
            return UP;
        }
        if (up > 0) {
            return "DEGRADED (" + up + " of " + instances.size() + " instances up)";
        }
        return instances.size() == 1 ? instances.get(0) : "DOWN (0 of " + instances.size() + " instances up)";
    }

    private CompletableFuture<Map<String, String>> instanceStates(Upstream upstream) {
        return upstream.instances().toCompletionStage().toCompletableFuture().thenCompose(instances -> {
            Map<String, CompletableFuture<String>> probes = new LinkedHashMap<>();
            instances.forEach(i -> probes.put(Upstream.address(i), state(Upstream.baseUri(i))));
            return CompletableFuture.allOf(probes.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
                Map<String, String> states = new LinkedHashMap<>();
                probes.forEach((address, probe) -> states.put(address, probe.join()));
                return states;
            });
        }).exceptionally(e -> Map.of());
    }

    private CompletableFuture<String> state(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? UP : "DOWN (HTTP " + r.statusCode() + ")")
                .exceptionally(e -> "DOWN (unreachable)");
    }
}
