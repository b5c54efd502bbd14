package se.region.governance.docs.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static se.region.governance.docs.api.Docs.createSimple;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

/**
 * GET by id answers the kept JSON of a document only while the database still holds that version:
 * a change made through this instance, or by another instance straight in the shared database, is
 * seen by the next read.
 */
@QuarkusTest
class DocumentReadsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReadNeverAnswersAnOlderVersion() throws Exception {
        String id = createSimple("Riktlinje för läsning");
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"").body("title", equalTo("Riktlinje för läsning"));
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200).header("ETag", "\"0\"");

        // a change through the API
        registrar().header("If-Match", etag(id)).body("{\"title\":\"Riktlinje för läsning, reviderad\"}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200);
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("title", equalTo("Riktlinje för läsning, reviderad"));

        // a change by another instance: only the shared database knows it
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "update document set title = 'Ändrad av en annan instans', version = version + 1 where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            ps.executeUpdate();
        }
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .header("ETag", "\"2\"").body("title", equalTo("Ändrad av en annan instans"));
    }

    @Test
    void anUnknownIdIs404Problem() {
        reader().get("/api/v1/documents/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
