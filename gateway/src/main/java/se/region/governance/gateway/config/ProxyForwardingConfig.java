package se.region.governance.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * What Quarkus is told about reverse proxies in front of the gateway ({@code quarkus.http.proxy.*}, set from
 * {@code GATEWAY_PROXY_FORWARDING} and {@code GATEWAY_TRUSTED_PROXIES}), read by {@link PublicUrl}'s check at
 * start. Only these two of Quarkus's properties; the others of the group stay Quarkus's alone.
 */
@ConfigMapping(prefix = "quarkus.http.proxy")
public interface ProxyForwardingConfig {

    /** Whether Forwarded/X-Forwarded-* headers are believed at all. */
    @WithDefault("false")
    boolean proxyAddressForwarding();

    /** The proxies (addresses or CIDR ranges) they are believed from; none means anyone to Quarkus. */
    Optional<List<String>> trustedProxies();
}
