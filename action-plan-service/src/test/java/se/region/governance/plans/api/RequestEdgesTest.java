package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.admin;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.reader;

/** The edges RequestPropertiesTest samples, one by one: what is refused (400 naming the field) and what is kept as sent. */
@QuarkusTest
class RequestEdgesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "date        | 20230101",
            "date        | [2023,1,1]",
            "date        | \"0000-01-01\"",
            "date        | \"-0001-01-01\"",
            "date        | \"1582-10-10\"",
            "date        | \"+10000-01-01\"",
            "date        | \"2023-02-30\"",
            "date        | \"\"",
            "status      | 1",
            "status      | \" DONE\"",
            "progress    | 50.5",
            "progress    | 1e2",
            "progress    | 123456789012345678901234567890",
            "example     | 2",
            "author      | \"  \"",
            "text        | \"a\\u0000b\"",
            "text        | \"\\uffff\"",
            "text        | \"\\ud800\""})
    void anUpdateWithAnOddValueIsRefusedNamingTheField(String field, String json) {
        String plan = createPlan();
        String measure = createMeasure(plan, "1", HR);
        String body = "{\"date\":\"2023-05-01\",\"text\":\"x\",\"" + field + "\":" + json + "}";
        admin().body(body).post("/api/v1/plans/{id}/measures/{mid}/updates", plan, measure).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "responsibleUnit | \" HR-avdelningen\"",
            "responsibleUnit | \"HR-avdelningen\\n\"",
            "code            | \"1 \"",
            "principles      | [\"TRUST\",\"TRUST\"]"})
    void identifiersWithEdgeWhitespaceAndDuplicateCodesAreRefused(String field, String json) {
        String plan = createPlan();
        String body = "{\"code\":\"1\",\"title\":\"Åtgärd\",\"responsibleUnit\":\"HR-avdelningen\",\"" + field + "\":"
                + json + "}";
        admin().body(body).post("/api/v1/plans/{id}/measures", plan).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void textIsKeptExactlyAsSent() {
        String plan = createPlan();
        String id = admin().body("{\"code\":\"1\",\"title\":\"  Åtgärd\\t\",\"description\":\" \","
                        + "\"responsibleUnit\":\"HR-avdelningen\",\"responsiblePerson\":\"Lena \uD83D\uDE00\","
                        + "\"startDate\":\"1583-01-01\",\"dueDate\":\"9999-12-31\"}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(201).extract().path("id");
        reader().get("/api/v1/plans/{id}/measures/{mid}", plan, id).then().statusCode(200)
                .body("title", equalTo("  Åtgärd\t")).body("description", equalTo(" "))
                .body("responsiblePerson", equalTo("Lena \uD83D\uDE00"))
                .body("startDate", equalTo("1583-01-01")).body("dueDate", equalTo("9999-12-31"));
        String c = admin().body("{\"date\":\"2023-01-01\",\"parties\":[\" Vision \"],\"form\":\"OTHER\"}")
                .post("/api/v1/plans/{id}/collaborations", plan).then().statusCode(201).extract().path("id");
        reader().get("/api/v1/plans/{id}/collaborations/{cid}", plan, c).then().statusCode(200)
                .body("parties", contains(" Vision "));
    }

    @Test
    void aMeasurePatchWithStatusNamesTheField() {
        String plan = createPlan();
        String m = createMeasure(plan, "1", HR);
        admin().header("If-Match", Plans.measureEtag(plan, m)).body("{\"progress\":10}")
                .patch("/api/v1/plans/{id}/measures/{mid}", plan, m).then().statusCode(400)
                .body("type", endsWith("status-through-updates")).body("errors.field", contains("progress"));
    }
}
