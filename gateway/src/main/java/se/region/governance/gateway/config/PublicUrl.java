package se.region.governance.gateway.config;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Optional;

/**
 * The gateway's own base URL, written into Location headers and the OpenAPI {@code servers}: the
 * configured public URL, or else the request's scheme and host. The latter come from
 * Forwarded/X-Forwarded-* headers only when Quarkus trusts the sender
 * ({@code quarkus.http.proxy.trusted-proxies}); from anyone else they are ignored. The checks at
 * start refuse a configuration that would trust those headers from anyone.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    GatewayConfig config;

    @Inject
    ProxyForwardingConfig proxy;

    private String configured;

    void check(@Observes StartupEvent start) {
        configured = validate(config.publicUrl(), config.requirePublicUrl());
        boolean anyTrusted = proxy.trustedProxies().filter(l -> l.stream().anyMatch(s -> !s.isBlank())).isPresent();
        if (proxy.proxyAddressForwarding() && !anyTrusted) {
            // Quarkus trusts every sender when the list is empty: forged hosts and client addresses
            throw new IllegalStateException("GATEWAY_PROXY_FORWARDING is on but GATEWAY_TRUSTED_PROXIES is empty: "
                    + "list the addresses (or CIDR ranges) of the reverse proxies whose forwarded headers the gateway "
                    + "may believe, or turn forwarding off");
        }
    }

    /** The configured public URL without a trailing slash, or null; refuses a missing required or malformed one. */
    static String validate(Optional<String> publicUrl, boolean required) {
        String url = publicUrl.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (url == null) {
            if (required) {
                throw new IllegalStateException("GATEWAY_PUBLIC_URL (gateway.public-url) is required in this profile: "
                        + "the URL clients reach the gateway at, e.g. https://governance.region.example; Location "
                        + "headers and the OpenAPI servers are built from it instead of a request's Host header");
            }
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("GATEWAY_PUBLIC_URL is not a URL: " + url, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))) {
            throw new IllegalStateException("GATEWAY_PUBLIC_URL must be an absolute http(s) URL of scheme, host and "
                    + "optional port only (e.g. https://governance.region.example), not: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The base URL (scheme://host[:port], no trailing slash) for this request. */
    public String base(HttpServerRequest request) {
        if (configured != null) {
            return configured;
        }
        HostAndPort authority = request.authority();
        String host;
        if (authority != null) {
            host = authority.toString();
        } else { // HTTP/1.0 without Host: the address the client connected to
            String local = request.localAddress().host();
            host = (local.contains(":") ? "[" + local + "]" : local) + ":" + request.localAddress().port();
        }
        return request.scheme() + "://" + host;
    }
}
