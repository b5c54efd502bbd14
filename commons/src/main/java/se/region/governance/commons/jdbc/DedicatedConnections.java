package se.region.governance.commons.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.commons.config.DatasourceConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection of its own to the service's database, outside the pool, for a background task that
 * must not wait behind requests for a pooled connection (nor hold one for ever): the outbox relay,
 * a LISTEN for notifications. Same URL and credentials as the pool; named in
 * {@code pg_stat_activity.application_name}. The caller closes it, and opens a new one after a failure.
 */
@ApplicationScoped
public class DedicatedConnections {

    @Inject
    DatasourceConfig datasource;

    /**
     * @param applicationName what {@code pg_stat_activity} shows for it
     * @param socketTimeoutSeconds a read that does not answer within this fails (0: no limit)
     */
    public Connection open(String applicationName, int socketTimeoutSeconds) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", datasource.username());
        p.setProperty("password", datasource.password());
        p.setProperty("ApplicationName", applicationName);
        p.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(datasource.jdbc().url(), p);
    }
}
