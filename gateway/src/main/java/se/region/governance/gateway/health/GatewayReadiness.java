package se.region.governance.gateway.health;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.KeyLocationResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway's own readiness (what a Kubernetes readiness probe reads): it can serve when it can
 * verify tokens, i.e. the verification key loads from {@code mp.jwt.verify.publickey.location}. The
 * services' states are not part of it (ServicesHealth shows them): a service that is down gets its
 * own 503s while the others stay reachable.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    @Inject
    JWTAuthContextInfo jwt;

    private volatile boolean keyLoaded;

    @Override
    public HealthCheckResponse call() {
        String failure = keyLoaded ? null : loadKey();
        if (failure == null) {
            keyLoaded = true; // a key that loaded once stays loaded (smallrye-jwt caches it)
            return HealthCheckResponse.named("gateway").up().withData("token-verification-key", "loaded").build();
        }
        return HealthCheckResponse.named("gateway").down().withData("token-verification-key", failure).build();
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
