package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static se.region.governance.plans.api.Plans.admin;
import static se.region.governance.plans.api.Plans.createPlan;

/**
 * The shared request rules (commons RequestJson, StorableParameters) as a client meets them: text
 * the set cannot store is refused in a body, a list or a parameter with a 400 naming the field, an
 * empty string is not a date, and storable text comes back exactly as sent.
 */
@QuarkusTest
class RequestTextRulesTest {

    @Test
    void aNulInABodyIsRefusedNamingTheField() {
        admin().body("{\"title\":\"Plan\\u0000\",\"ownerUnit\":\"HR\"}").post("/api/v1/plans").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://governance.region.se/problems/validation"))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("U+0000"));
    }

    @Test
    void aNoncharacterInAListIsRefusedNamingTheElement() {
        String plan = createPlan();
        String measure = Plans.createMeasure(plan, "9", Plans.HR);
        admin().body("{\"date\":\"2023-08-01\",\"parties\":[\"Vision\",\"Kommunal\\uFFFF\"],\"form\":\"DIALOGUE\"}")
                .post("/api/v1/plans/{id}/measures/{mid}/collaborations", plan, measure).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parties[1]"))
                .body("errors[0].message", containsString("U+FFFF"));
    }

    @Test
    void anEmptyStringIsNotADate() {
        String plan = createPlan();
        String measure = Plans.createMeasure(plan, "9", Plans.HR);
        admin().body("{\"date\":\"\",\"progress\":10,\"text\":\"x\"}")
                .post("/api/v1/plans/{id}/measures/{mid}/updates", plan, measure).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", containsString("empty string"));
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefusedNamingIt() {
        admin().queryParam("title", "Plan\u0001").get("/api/v1/plans").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void storableTextComesBackExactlyAsSent() {
        String title = "  Handlingsplan\tför tillit 😀 \r\n";
        admin().body("{\"title\":\"" + title.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")
                        + "\",\"ownerUnit\":\"HR\"}")
                .post("/api/v1/plans").then().statusCode(201).body("title", equalTo(title));
    }
}
