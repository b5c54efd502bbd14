package se.region.governance.commons.tokens.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The cache of verified bearer tokens ({@code VerifiedTokenCache}): {@code governance.security.token-cache.*}. */
@ConfigMapping(prefix = "governance.security.token-cache")
public interface TokenCacheConfig {

    /** Tokens remembered at most; 0 turns the cache off. */
    @WithDefault("10000")
    long maxSize();

    /** How long a verified token is remembered at most (never past its own {@code exp}); zero turns the cache off. */
    @WithDefault("PT60S")
    Duration ttl();
}
