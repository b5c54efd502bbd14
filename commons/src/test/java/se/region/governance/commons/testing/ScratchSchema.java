package se.region.governance.commons.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A schema of its own in the service's test database, migrated by the service's Flyway migrations up
 * to a version: a migration test writes rows there the old way, migrates on, and reads what became of
 * them. The service's own schema is never touched. Dropped (with everything in it) on close.
 */
public final class ScratchSchema implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private ScratchSchema(String schema) {
        Config config = ConfigProvider.getConfig();
        this.url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        this.user = config.getValue("quarkus.datasource.username", String.class);
        this.password = config.getValue("quarkus.datasource.password", String.class);
        this.schema = schema;
    }

    /** A fresh {@code schema} (dropped first if a previous run left it) migrated up to {@code version}. */
    public static ScratchSchema migratedTo(String schema, String version) throws SQLException {
        if (!schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a plain lower-case schema name: " + schema);
        }
        ScratchSchema s = new ScratchSchema(schema);
        s.drop();
        s.flyway(version).migrate();
        return s;
    }

    /** Applies the remaining migrations. */
    public void migrate() {
        flyway(null).migrate();
    }

    /** A new connection whose search path is the schema (the caller closes it). */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
        }
        return c;
    }

    @Override
    public void close() throws SQLException {
        drop();
    }

    private void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure(getClass().getClassLoader())
                .dataSource(url, user, password)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/commons");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
