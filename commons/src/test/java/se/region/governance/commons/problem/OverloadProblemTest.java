package se.region.governance.commons.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overload is a 503 with Retry-After (the client may retry: the transaction rolled back), not a 500. */
class OverloadProblemTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void exhaustedConnectionPoolIs503WithRetryAfter() {
        // what Hibernate throws when Agroal finds no free connection within its acquisition timeout
        Response r = mappers.unexpected(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")), null);
        assertEquals(503, r.getStatus());
        assertEquals("1", r.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", r.getMediaType().toString());
        Problem body = (Problem) r.getEntity();
        assertEquals("Service Unavailable", body.title);
        assertEquals("https://governance.region.se/problems/service-busy", body.type.toString());
    }

    @Test
    void lockAndStatementTimeoutsAreOverloadToo() {
        assertTrue(ProblemMappers.isOverload(new SQLException("canceling statement due to lock timeout", "55P03")));
        assertTrue(ProblemMappers.isOverload(new SQLException("canceling statement due to statement timeout", "57014")));
        assertEquals(503, mappers.unexpected(new RuntimeException(new SQLException("lock", "55P03")), null).getStatus());
        // the database went away mid-request (PgJDBC: "An I/O error occurred while sending to the backend", 08006)
        assertEquals(503, mappers.unexpected(new org.hibernate.exception.JDBCConnectionException("insert",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")), null).getStatus());
        // PostgreSQL restarted mid-request: the server ends the session (57P01), then refuses while starting (57P03)
        assertEquals(503, mappers.unexpected(new GenericJDBCException("insert",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")), null).getStatus());
        assertTrue(ProblemMappers.isOverload(new SQLException("FATAL: the database system is starting up", "57P03")));
    }

    @Test
    void otherDatabaseErrorsStay500WithAReference() {
        assertFalse(ProblemMappers.isOverload(new SQLException("syntax error", "42601")));
        Response r = mappers.unexpected(new GenericJDBCException("boom", new SQLException("syntax error", "42601")), null);
        assertEquals(500, r.getStatus());
        assertEquals(null, r.getHeaderString("Retry-After"));
    }

    @Test
    void aClientThatClosedTheConnectionIsNotLoggedAsAnError() {
        Response r = mappers.unexpected(new java.io.IOException(new java.nio.channels.ClosedChannelException()), null);
        assertEquals(400, r.getStatus());
        assertEquals("https://governance.region.se/problems/client-closed-request", ((Problem) r.getEntity()).type.toString());
    }
}
