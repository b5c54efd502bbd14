package se.region.governance.docs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.ScratchSchema;
import se.region.governance.docs.infrastructure.DocumentSearch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.docs.api.Docs.create;
import static se.region.governance.docs.api.Docs.createSimple;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

/**
 * Lists are jsonb arrays in their row (V6): recipients keep their order and commas; a document's
 * principles and relations are in the document's row, the search by principle still finds them
 * through an index; and the rows written before V6 (side tables, recipients as JSON text) read the
 * same after it.
 */
@QuarkusTest
class ListStorageTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> RECIPIENTS = List.of("Hälso- och sjukvårdsnämnden", "Vision, Region Exempel", "Kommunal");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void recipientsKeepTheirOrderAndCommas() throws Exception {
        String id = createSimple("Remiss med listor");
        String cid = registrar().body(Map.of("recipients", RECIPIENTS, "deadline", "2023-11-30"))
                .post("/api/v1/documents/{id}/consultations", id).then().statusCode(201)
                .body("recipients", contains(RECIPIENTS.toArray())).extract().path("id");
        reader().get("/api/v1/documents/{id}/consultations/{cid}", id, cid).then().statusCode(200)
                .body("recipients", contains(RECIPIENTS.toArray()));
        assertEquals(JSON.valueToTree(RECIPIENTS), stored("select recipients from consultation where id = ?", cid));
    }

    @Test
    void principlesAndRelationsAreInTheRowAndSearchable() throws Exception {
        String unit = "Listenheten " + UUID.randomUUID().toString().substring(0, 8);
        String base = createSimple("Grunddokument");
        String id = create("""
                {"diaryNumber":"%s","title":"Riktlinje med listor","type":"GUIDELINE","ownerUnit":"%s",
                 "principles":[{"principle":"OPENNESS","passage":"öppet, tydligt och begripligt"},{"principle":"TRUST"}],
                 "relations":[{"kind":"REFERENCES","documentId":"%s"},{"kind":"BASED_ON","documentId":"%s"}]}"""
                .formatted(diary(), unit, base, base));
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("principles.principle", contains("TRUST", "OPENNESS"))
                .body("principles[0].passage", nullValue())
                .body("principles[1].passage", equalTo("öppet, tydligt och begripligt"))
                .body("relations.kind", contains("BASED_ON", "REFERENCES"));
        assertEquals(JSON.readTree("[{\"principle\":\"OPENNESS\",\"passage\":\"öppet, tydligt och begripligt\"},"
                + "{\"principle\":\"TRUST\",\"passage\":null}]"), stored("select principles from document where id = ?", id));
        assertEquals(JSON.readTree("[{\"kind\":\"REFERENCES\",\"documentId\":\"" + base + "\"},"
                + "{\"kind\":\"BASED_ON\",\"documentId\":\"" + base + "\"}]"), stored("select relations from document where id = ?", id));

        reader().queryParam("ownerUnit", unit).queryParam("principle", "OPENNESS").get("/api/v1/documents")
                .then().statusCode(200).body("items.id", contains(id));
        reader().queryParam("ownerUnit", unit).queryParam("principle", "SUPPORT").get("/api/v1/documents")
                .then().statusCode(200).body("total", equalTo(0));

        // a PATCH replaces the list; a principle twice is refused as on POST and PUT
        registrar().header("If-Match", etag(id)).body("{\"principles\":[{\"principle\":\"SUPPORT\",\"passage\":\"a\"},"
                        + "{\"principle\":\"SUPPORT\",\"passage\":\"b\"}]}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(400)
                .body("errors.field", contains("principlesDistinct"));
        registrar().header("If-Match", etag(id)).body("{\"principles\":[{\"principle\":\"SUPPORT\"}]}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("principles.principle", contains("SUPPORT"));
        reader().queryParam("ownerUnit", unit).queryParam("principle", "SUPPORT").get("/api/v1/documents")
                .then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void theSearchByPrincipleHasAnIndex() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("explain select d.id from document d where "
                    + DocumentSearch.HAS_PRINCIPLE.replace(":principle", "'[{\"principle\":\"TRUST\"}]'"))) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            assertTrue(plan.toString().contains("document_principles"), plan.toString());
        }
    }

    @Test
    void rowsWrittenBeforeV6ReadTheSame() throws Exception {
        UUID doc = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID bare = UUID.randomUUID();
        UUID consultation = UUID.randomUUID();
        try (ScratchSchema schema = ScratchSchema.migratedTo("docs_lists_v6_test", "5")) {
            try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                for (UUID id : List.of(doc, other, bare)) {
                    s.execute("insert into document (id, diary_number, title, type, status, version, created_at, updated_at)"
                            + " values ('" + id + "', 'T-" + id + "', 'Dokument', 'POLICY', 'DRAFT', 0, now(), now())");
                }
                s.execute("insert into document_principle (document_id, principle, passage) values"
                        + " ('" + doc + "', 'OPENNESS', 'öppet, tydligt'), ('" + doc + "', 'TRUST', null)");
                s.execute("insert into document_relation (document_id, kind, target_id) values"
                        + " ('" + doc + "', 'REFERENCES', '" + other + "'), ('" + doc + "', 'REPLACES', '" + other + "')");
                s.execute("insert into consultation (id, document_id, recipients, deadline, status, opened_at) values"
                        + " ('" + consultation + "', '" + doc + "',"
                        + " '[\"Hälso- och sjukvårdsnämnden\",\"Vision, Region Exempel\",\"Kommunal\"]', '2023-11-30', 'OPEN', now())");
            }
            schema.migrate();
            try (Connection c = schema.connect()) {
                assertEquals(JSON.readTree("[{\"principle\":\"TRUST\",\"passage\":null},"
                                + "{\"principle\":\"OPENNESS\",\"passage\":\"öppet, tydligt\"}]"),
                        stored(c, "select principles from document where id = ?", doc));
                assertEquals(JSON.readTree("[{\"kind\":\"REPLACES\",\"documentId\":\"" + other + "\"},"
                                + "{\"kind\":\"REFERENCES\",\"documentId\":\"" + other + "\"}]"),
                        stored(c, "select relations from document where id = ?", doc));
                assertEquals(JSON.readTree("[]"), stored(c, "select principles from document where id = ?", bare));
                assertEquals(JSON.readTree("[]"), stored(c, "select relations from document where id = ?", bare));
                assertEquals(JSON.valueToTree(RECIPIENTS), stored(c, "select recipients from consultation where id = ?",
                        consultation));
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_schema ="
                             + " current_schema() and table_name in ('document_principle', 'document_relation')")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getInt(1), "the side tables are gone");
                }
            }
        }
    }

    private JsonNode stored(String sql, Object id) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return stored(c, sql, id);
        }
    }

    /** The jsonb the query selects, as its text parsed by Jackson (element order as stored). */
    static JsonNode stored(Connection c, String sql, Object id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id instanceof String s ? UUID.fromString(s) : id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql + " " + id);
                return JSON.readTree(rs.getString(1));
            }
        }
    }
}
