package se.region.governance.e2e;

import se.region.governance.e2e.ServiceSet.Service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's {@code *_e2e} database as the tests of several instances look into it: which instance
 * (by the {@code application_name} each names itself with) holds or waits for which lock, and what
 * Flyway recorded.
 */
final class Database {

    /**
     * The advisory lock Flyway's PostgreSQL support takes (session or transaction level) around creating
     * and migrating its history table: its base number plus the hash of the quoted table name
     * ({@code PostgreSQLAdvisoryLockTemplate}, {@code PostgreSQLConnection.lock}). Held by a test, it keeps
     * every instance from migrating until released.
     */
    static final long FLYWAY_LOCK = 77431708279161L + "\"public\".\"flyway_schema_history\"".hashCode();

    /**
     * The advisory lock the publishing outbox relay holds for its session (commons' OutboxRelay.PUBLISHING_LOCK,
     * whose module the tests do not load; a different value finds no holder and fails the relay's test).
     */
    static final long PUBLISHING_LOCK = 0x676f762d6f7574L;

    private final Service service;

    Database(Service service) {
        this.service = service;
    }

    Service service() {
        return service;
    }

    /** A new connection of the test's own (the caller closes it). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(service.jdbcUrl() + "?ApplicationName=e2e-test", "governance", "governance");
    }

    /** Drops everything the service created: its database as before the first start. */
    void empty() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }

    /** A connection that holds Flyway's lock on this database until it is closed. */
    Connection holdFlywayLock() throws SQLException {
        Connection c = connect();
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_lock(?)")) {
            ps.setLong(1, FLYWAY_LOCK);
            ps.execute();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The instances whose last statement was an attempt at Flyway's lock (Flyway retries it every second). */
    Set<String> tryingFlywayLock() throws SQLException {
        return names("select application_name from pg_stat_activity where datname = current_database()"
                + " and query ~* ('pg_try_advisory(_xact)?_lock\\(' || ? || '\\)')", Long.toString(FLYWAY_LOCK));
    }

    /** The instances with a statement waiting for a lock that another session holds. */
    Set<String> waitingForALock() throws SQLException {
        return names("select application_name from pg_stat_activity where datname = current_database()"
                + " and wait_event_type = 'Lock' and application_name <> ?", "e2e-test");
    }

    /** The instance whose session holds the advisory lock {@code key} (a bigint key), if any. */
    Optional<String> holderOf(long key) throws SQLException {
        Set<String> holders = names("select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.objsubid = 1"
                + " and l.database = (select oid from pg_database where datname = current_database())"
                + " and ((l.classid::bigint << 32) | l.objid::bigint) = ?", key);
        if (holders.size() > 1) {
            throw new AssertionError("an advisory lock held by more than one session: " + holders);
        }
        return holders.stream().findFirst();
    }

    boolean hasTable(String table) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, "public." + table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Flyway's history: per version, how many rows and whether all succeeded. */
    Map<String, List<Boolean>> flywayHistory() throws SQLException {
        Map<String, List<Boolean>> history = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version, success from flyway_schema_history"
                     + " where version is not null order by installed_rank")) {
            while (rs.next()) {
                history.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(rs.getBoolean(2));
            }
        }
        return history;
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Set<String> names(String sql, Object... parameters) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }
}
