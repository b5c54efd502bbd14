package se.region.governance.reports.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.junit.jupiter.api.Test;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.reports.testing.Reports.august2023;
import static se.region.governance.reports.testing.Reports.reader;
import static se.region.governance.reports.testing.Reports.reporter;

/**
 * How reports are kept: a report finalized by the service before its compiler was rewritten (December 2026; its rows in
 * {@code finalized-before-2026-12/report.json}) is answered with its frozen bytes and its content hash still verifies;
 * a new report's sections are stored as an LZ4 frame of their JSON; a report stored before compression (V5) is read.
 */
@QuarkusTest
class ReportStorageTest {

    @Inject
    EventLog log;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    void aReportFinalizedBeforeTheRewriteKeepsItsBytesAndItsHash() throws Exception {
        JsonNode fixture = json.readTree(getClass().getResourceAsStream("/finalized-before-2026-12/report.json"));
        JsonNode row = fixture.path("report").get(0);
        UUID id = UUID.fromString(row.path("id").asText());
        insertOnce(id, row, fixture.path("report_rendition"));

        for (JsonNode rendition : fixture.path("report_rendition")) {
            byte[] frozen = Base64.getDecoder().decode(rendition.path("content").asText());
            assertEquals(rendition.path("sha256").asText(), "sha256:" + sha256(frozen), "the fixture is what it says");
            String type = rendition.path("media_type").asText();
            assertArrayEquals(frozen, reader().accept(type).get("/api/v1/reports/{id}", id).then().statusCode(200)
                    .extract().asByteArray(), type + " is answered as frozen");
        }
        // the hash as anyone holding the JSON recomputes it (docs/api.md)
        JsonNode report = json.readTree(reader().accept("application/json").get("/api/v1/reports/{id}", id).asByteArray());
        Map<String, JsonNode> content = new LinkedHashMap<>();
        for (String field : List.of("id", "planId", "title", "periodFrom", "periodTo", "asOf", "compiledBy", "compiledAt",
                "preface", "conclusion", "sections")) {
            content.put(field, report.path(field));
        }
        assertEquals(row.path("content_hash").asText(), "sha256:" + sha256(json.writeValueAsBytes(content)));
        assertEquals(row.path("content_hash").asText(), report.path("contentHash").asText());
        // the stored sections are those the JSON answers, still readable by the new code
        try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(storedSections(id)))) {
            assertEquals(report.path("sections"), json.readTree(in));
        }
        reader().get("/api/v1/reports/{id}", id).then().statusCode(200);
    }

    @Test
    void aDraftIsStoredAsAnLz4FrameOfItsSectionsAndAnsweredAsCompiled() throws Exception {
        Section183 plan = new Section183();
        List<Section183.Event> events = plan.all();
        Broker.publish(events);
        Broker.await("plan applied", Duration.ofSeconds(45), () -> events.stream().allMatch(e -> log.entry(e.id()) != null));

        Response compiled = reporter().body(august2023(plan.planId)).post("/api/v1/reports");
        compiled.then().statusCode(201);
        JsonNode answer = json.readTree(compiled.asByteArray());
        String id = answer.path("id").asText();
        assertTrue(compiled.asString().contains("\"sections\":[{\"key\":\"background\",\"title\":\"Bakgrund\""),
                "members in the contract's order");
        assertEquals(answer, json.readTree(reader().accept("application/json").get("/api/v1/reports/{id}", id).asByteArray()));
        byte[] stored = storedSections(UUID.fromString(id));
        try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(stored))) {
            assertEquals(answer.path("sections"), json.readTree(in), "the frame holds the sections the compile answered");
        }
        JsonNode recompiled = json.readTree(reporter().post("/api/v1/reports/{id}/recompile", id).asByteArray());
        assertEquals(answer.path("sections"), recompiled.path("sections"), "a recompile without new events compiles the same");
    }

    @Test
    void aReportStoredBeforeCompressionIsReadAndEdited() throws Exception {
        UUID id = UUID.randomUUID();
        String sections = "[{\"key\":\"background\",\"title\":\"Bakgrund\",\"body\":\"Lagrad före V5: å ä ö\",\"items\":[]}]";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into report (id, plan_id,"
                + " title, period_from, period_to, as_of, status, compiled_by, compiled_at, sections, created_by, version,"
                + " created_at, updated_at) values (?, 'plan-before-v5', 'Äldre rapport', '2023-01-01', '2023-08-31',"
                + " '2023-08-31', 'DRAFT', 'strateg', now(), convert_to(?, 'UTF8'), 'test', 0, now(), now())")) {
            ps.setObject(1, id);
            ps.setString(2, sections);
            ps.executeUpdate();
        }
        JsonNode report = json.readTree(reader().accept("application/json").get("/api/v1/reports/{id}", id).then().statusCode(200)
                .extract().asByteArray());
        assertEquals("Lagrad före V5: å ä ö", report.path("sections").get(0).path("body").asText());
        reporter().header("If-Match", "\"0\"").body("{\"preface\":\"Förord\"}").patch("/api/v1/reports/{id}", id)
                .then().statusCode(200);
        assertArrayEquals(sections.getBytes(StandardCharsets.UTF_8), storedSections(id),
                "an edit of the free text leaves the stored sections as they were");
        reader().accept("text/markdown").get("/api/v1/reports/{id}", id).then().statusCode(200);
    }

    /** The fixture's rows, as the code before the rewrite stored them (once per database: a test run reuses it). */
    private void insertOnce(UUID id, JsonNode row, JsonNode renditions) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from report where id = ?")) {
                ps.setObject(1, id);
                if (ps.executeQuery().next()) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into report (id, plan_id, title, period_from, period_to, as_of,"
                    + " status, compiled_by, compiled_at, preface, conclusion, sections, content_hash, finalized_at, finalized_by,"
                    + " created_by, version, created_at, updated_at) values (?, ?, ?, ?::date, ?::date, ?::date, ?, ?,"
                    + " ?::timestamptz, ?, ?, ?, ?, ?::timestamptz, ?, ?, ?, ?::timestamptz, ?::timestamptz)")) {
                String[] text = {"id", "plan_id", "title", "period_from", "period_to", "as_of", "status", "compiled_by",
                        "compiled_at", "preface", "conclusion"};
                ps.setObject(1, id);
                for (int i = 1; i < text.length; i++) {
                    ps.setString(i + 1, row.path(text[i]).isNull() ? null : row.path(text[i]).asText());
                }
                ps.setBytes(12, Base64.getDecoder().decode(row.path("sections").asText()));
                ps.setString(13, row.path("content_hash").asText());
                ps.setString(14, row.path("finalized_at").asText());
                ps.setString(15, row.path("finalized_by").asText());
                ps.setString(16, row.path("created_by").asText());
                ps.setLong(17, row.path("version").asLong());
                ps.setString(18, row.path("created_at").asText());
                ps.setString(19, row.path("updated_at").asText());
                ps.executeUpdate();
            }
            for (JsonNode r : renditions) {
                try (PreparedStatement ps = c.prepareStatement("insert into report_rendition (report_id, media_type, content, sha256)"
                        + " values (?, ?, ?, ?)")) {
                    ps.setObject(1, id);
                    ps.setString(2, r.path("media_type").asText());
                    ps.setBytes(3, Base64.getDecoder().decode(r.path("content").asText()));
                    ps.setString(4, r.path("sha256").asText());
                    ps.executeUpdate();
                }
            }
        }
    }

    private byte[] storedSections(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select sections from report where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
