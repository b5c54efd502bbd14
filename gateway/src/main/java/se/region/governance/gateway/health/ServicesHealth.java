package se.region.governance.gateway.health;

import io.smallrye.health.api.HealthGroup;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import se.region.governance.gateway.config.GatewayConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The readiness of every service behind the gateway, for people and monitoring: in {@code /q/health}
 * (as a wellness check), {@code /q/health/well} and {@code /q/health/group/services}. Deliberately
 * not part of the gateway's readiness ({@code /q/health/ready}, see GatewayReadiness): one service
 * down must not take the others off the gateway.
 */
@Wellness
@HealthGroup("services")
@ApplicationScoped
public class ServicesHealth implements HealthCheck {

    @Inject
    GatewayConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public HealthCheckResponse call() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("governance-docs-service", config.routes().documents());
        services.put("action-plan-service", config.routes().plans());
        services.put("reporting-service", config.routes().reports());
        Map<String, CompletableFuture<String>> states = new LinkedHashMap<>();
        services.forEach((name, base) -> states.put(name, state(base)));
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("services").up();
        states.forEach((name, state) -> {
            String s = state.join();
            builder.withData(name, s);
            if (!"UP".equals(s)) {
                builder.down();
            }
        });
        return builder.build();
    }

    private CompletableFuture<String> state(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (HTTP " + r.statusCode() + ")")
                .exceptionally(e -> "DOWN (unreachable)");
    }
}
