package se.region.governance.docs.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import se.region.governance.docs.infrastructure.KeptDocumentJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.docs.api.Docs.createSimple;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

/**
 * GET by id answers kept JSON only while the document is unchanged: a change made through this
 * instance is seen by the very next read; a change by another instance (here: straight in the shared
 * database) as soon as PostgreSQL announces it, also after the announcing connection was lost.
 */
@QuarkusTest
class DocumentReadsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    KeptDocumentJson kept;

    @Test
    void aChangeThroughThisInstanceIsSeenByTheNextRead() {
        String id = createSimple("Riktlinje för läsning");
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"").body("title", equalTo("Riktlinje för läsning"));
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200).header("ETag", "\"0\"");

        registrar().header("If-Match", etag(id)).body("{\"title\":\"Riktlinje för läsning, reviderad\"}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200);
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("title", equalTo("Riktlinje för läsning, reviderad"));
    }

    @Test
    void aChangeByAnotherInstanceIsSeenWhenAnnounced() throws Exception {
        String id = createSimple("Riktlinje för delad läsning");
        awaitListening();
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200).header("ETag", "\"0\"");

        changeByHand(id, "Ändrad av en annan instans");
        await("the changed document read", () -> "\"1\"".equals(etagOf(id)));
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("title", equalTo("Ändrad av en annan instans"));
    }

    @Test
    void changesAreStillSeenAfterTheAnnouncingConnectionWasLost() throws Exception {
        String id = createSimple("Riktlinje för avbruten lyssning");
        awaitListening();
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200).header("ETag", "\"0\"");

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                     + " where application_name = 'document-change-listener' and datname = current_database()")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "one listening connection");
            }
        }
        // whether the change lands while the listener is away or after it is back, the read sees it
        changeByHand(id, "Ändrad medan lyssnaren var borta");
        await("the changed document read", () -> "\"1\"".equals(etagOf(id)));
        awaitListening();
        changeByHand(id, "Ändrad igen");
        await("the changed document read again", () -> "\"2\"".equals(etagOf(id)));
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200).body("title", equalTo("Ändrad igen"));
    }

    @Test
    void anUnknownIdIs404Problem() {
        reader().get("/api/v1/documents/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void changeByHand(String id, String title) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update document set title = ?, version = version + 1 where id = ?")) {
            ps.setString(1, title);
            ps.setObject(2, UUID.fromString(id));
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static String etagOf(String id) {
        return reader().get("/api/v1/documents/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    private void awaitListening() {
        await("the change listener listening", kept::isListening);
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(DEADLINE).until(condition::getAsBoolean);
    }
}
