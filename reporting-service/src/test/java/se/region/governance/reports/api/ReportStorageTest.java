package se.region.governance.reports.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.reports.testing.Reports.august2023;
import static se.region.governance.reports.testing.Reports.reader;
import static se.region.governance.reports.testing.Reports.reporter;

/** The sections are stored as compiled (text, V2): a draft is answered later exactly as the compile answered it. */
@QuarkusTest
class ReportStorageTest {

    @Inject
    EventLog log;

    @Test
    void aDraftIsAnsweredByteForByteAsItWasCompiled() {
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
        String recompiled = reporter().post("/api/v1/reports/{id}/recompile", id).asString();
        assertEquals(sections(new String(answer, StandardCharsets.UTF_8)), sections(recompiled),
                "a recompile without new events stores the same sections (only compiledAt differs)");
    }

    private static String sections(String report) {
        return report.substring(report.indexOf("\"sections\":"));
    }
}
