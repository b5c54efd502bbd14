package se.region.governance.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The gateway's settings (application.properties names the environment variable of each). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Routes routes();

    /** Where the instances behind each route come from: the routes' URLs, or Kubernetes. */
    @WithDefault("static")
    Discovery discovery();

    Kubernetes kubernetes();

    /** How long an instance that refused a connection is skipped. */
    @WithDefault("5S")
    Duration instanceDownTime();

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

    /** Each route's instances, as URLs (one, or several comma-separated). */
    interface Routes {
        List<URI> documents();

        List<URI> plans();

        List<URI> reports();
    }

    enum Discovery {
        /** The routes' URLs are the instances. */
        STATIC,
        /** The ready endpoints of the Kubernetes Service each route's URL names (its host's first label). */
        KUBERNETES
    }

    interface Kubernetes {
        /** The namespace of the services; empty: the gateway's own (its service account's). */
        Optional<String> namespace();
    }

    interface RateLimit {
        int perSecond();

        int burst();

        /** Requests that fail authentication, counted per client address. */
        Unauthenticated unauthenticated();

        /** Anonymous traffic to the public pages and the public read API, counted per client address. */
        @WithName("public")
        Unauthenticated anonymous();
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
