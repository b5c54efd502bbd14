package se.region.governance.commons.config;

import io.smallrye.config.ConfigMapping;

/**
 * The service's database as its pool reaches it ({@code quarkus.datasource.jdbc.url}, {@code .username},
 * {@code .password}), for the connections outside the pool ({@code DedicatedConnections}). Only these three of
 * Quarkus's datasource properties; the others stay Quarkus's alone.
 */
@ConfigMapping(prefix = "quarkus.datasource")
public interface DatasourceConfig {

    Jdbc jdbc();

    String username();

    String password();

    interface Jdbc {
        String url();
    }
}
