package se.region.governance.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The gateway's settings (application.properties names the environment variable of each). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Routes routes();

    Duration upstreamTimeout();

    Duration connectTimeout();

    @WithDefault("64")
    int maxConnectionsPerService();

    /** The URL clients reach the gateway at; empty means: from each request. */
    Optional<String> publicUrl();

    /** Whether the gateway refuses to start without {@link #publicUrl()} (true in the prod profile). */
    @WithDefault("false")
    boolean requirePublicUrl();

    RateLimit rateLimit();

    MemorySize maxBodySize();

    /**
     * The longest request line (method, URI, version) forwarded; longer ones get a problem+json 414.
     * The services' own limit (Quarkus's default), so what the gateway forwards every service accepts.
     */
    @WithDefault("4096")
    int maxRequestLineLength();

    OpenApi openapi();

    interface Routes {
        URI documents();

        URI plans();

        URI reports();
    }

    interface RateLimit {
        int perSecond();

        int burst();

        /** Requests that fail authentication, counted per client address. */
        Unauthenticated unauthenticated();
    }

    interface Unauthenticated {
        int perSecond();

        int burst();
    }

    interface OpenApi {
        @WithDefault("PT30S")
        Duration cache();
    }
}
