package se.region.governance.gateway.health;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.KeyLocationResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import se.region.governance.gateway.upstream.Upstream;
import se.region.governance.gateway.upstream.Upstreams;

/**
 * The gateway's own readiness (what a Kubernetes readiness probe reads): it can serve when it can
 * verify tokens, i.e. the verification key loads from {@code mp.jwt.verify.publickey.location}. The
 * services' states do not decide it (ServicesHealth probes them): a service that is down gets its own
 * 503s while the others stay reachable. What the gateway knows of them without asking is shown beside it:
 * per service, its instances and how many are marked down after refusing a connection
 * ({@code DEGRADED} when some are, {@code DOWN} when all are).
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    @Inject
    JWTAuthContextInfo jwt;

    @Inject
    Upstreams upstreams;

    private volatile boolean keyLoaded;

    @Override
    public HealthCheckResponse call() {
        String failure = keyLoaded ? null : loadKey();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("gateway");
        if (failure == null) {
            keyLoaded = true; // a key that loaded once stays loaded (smallrye-jwt caches it)
            builder.up().withData("token-verification-key", "loaded");
        } else {
            builder.down().withData("token-verification-key", failure);
        }
        upstreams.all().forEach(upstream -> builder.withData(upstream.name(), describe(upstream.counts())));
        return builder.build();
    }

    static String describe(Upstream.InstanceCounts counts) {
        if (counts.markedDown() == 0) {
            return counts.known() + (counts.known() == 1 ? " instance" : " instances");
        }
        if (counts.up() > 0) {
            return "DEGRADED (" + counts.markedDown() + " of " + counts.known() + " instances marked down)";
        }
        return "DOWN (all " + counts.known() + " instances marked down)";
    }

    private String loadKey() {
        if (jwt.getPublicVerificationKey() != null || jwt.getPublicKeyContent() != null) {
            return null;
        }
        if (jwt.getPublicKeyLocation() == null) {
            return "not configured (mp.jwt.verify.publickey.location)";
        }
        try {
            new KeyLocationResolver(jwt); // loads the key as token verification does
            return null;
        } catch (Exception e) {
            return "cannot be loaded from " + jwt.getPublicKeyLocation() + ": " + e.getMessage();
        }
    }
}
