package se.region.governance.gateway;

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

    RateLimit rateLimit();

    MemorySize maxBodySize();

    OpenApi openapi();

    interface Routes {
        URI documents();

        URI plans();

        URI reports();
    }

    interface RateLimit {
        int perSecond();

        int burst();
    }

    interface OpenApi {
        @WithDefault("PT30S")
        Duration cache();
    }
}
