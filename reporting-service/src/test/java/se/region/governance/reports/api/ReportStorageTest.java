package se.region.governance.reports.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.region.governance.reports.domain.SectionsBytes;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.reports.testing.Reports.august2023;
import static se.region.governance.reports.testing.Reports.reader;
import static se.region.governance.reports.testing.Reports.reporter;

/**
 * The sections are stored as compiled (LZ4-compressed, V5): a draft is answered later exactly as the compile answered it,
 * and a report stored before V5 (plain JSON) is still read.
 */
@QuarkusTest
class ReportStorageTest {

    @Inject
    EventLog log;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDraftIsAnsweredByteForByteAsItWasCompiled() throws Exception {
        Section183 plan = new Section183();
        List<Section183.Event> events = plan.all();
        Broker.publish(events);
        Broker.await("plan applied", Duration.ofSeconds(45), () -> events.stream().allMatch(e -> log.entry(e.id()) != null));

        Response compiled = reporter().body(august2023(plan.planId)).post("/api/v1/reports");
        compiled.then().statusCode(201);
        byte[] answer = compiled.asByteArray();
        String id = compiled.path("id");
        assertTrue(new String(answer, StandardCharsets.UTF_8).contains("\"sections\":[{\"key\":\"background\",\"title\":\"Bakgrund\""),
                "members in the compiler's order");
        assertArrayEquals(answer, reader().accept("application/json").get("/api/v1/reports/{id}", id).asByteArray());
        byte[] stored = storedSections(id);
        assertTrue(stored[0] != '[', "the column holds a frame, not the JSON");
        assertEquals(sections(new String(answer, StandardCharsets.UTF_8)),
                "\"sections\":" + new String(SectionsBytes.json(stored), StandardCharsets.UTF_8) + "}",
                "the frame holds the sections the compile answered");
        String recompiled = reporter().post("/api/v1/reports/{id}/recompile", id).asString();
        assertEquals(sections(new String(answer, StandardCharsets.UTF_8)), sections(recompiled),
                "a recompile without new events stores the same sections (only compiledAt differs)");
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
        String json = reader().accept("application/json").get("/api/v1/reports/{id}", id).then().statusCode(200).extract().asString();
        assertEquals("\"sections\":" + sections + "}", sections(json));
        reporter().header("If-Match", "\"0\"").body("{\"preface\":\"Förord\"}").patch("/api/v1/reports/{id}", id)
                .then().statusCode(200);
        assertArrayEquals(sections.getBytes(StandardCharsets.UTF_8), storedSections(id.toString()),
                "an edit of the free text leaves the stored sections as they were");
    }

    private byte[] storedSections(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select sections from report where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    private static String sections(String report) {
        return report.substring(report.indexOf("\"sections\":"));
    }
}
