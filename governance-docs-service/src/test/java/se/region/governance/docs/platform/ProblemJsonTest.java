package se.region.governance.docs.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Foundation: every error path answers RFC 9457 problem+json with a stable type, title, status
 * and detail; validation names the fields; no stack trace or class name reaches the client.
 */
@QuarkusTest
class ProblemJsonTest {

    private static RequestSpecification registrar() {
        return given().auth().oauth2(TestTokens.token(Roles.REGISTRAR)).contentType("application/json");
    }

    private static String diary() {
        return "PJ-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse isProblem(ValidatableResponse r, int status, String slug) {
        return r.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", endsWith("/problems/" + slug))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void validationNamesTheFields() {
        isProblem(registrar().body("{\"diaryNumber\":\"x\",\"title\":\"\"}").post("/api/v1/documents").then(),
                400, "validation")
                .body("errors.field", hasItem("diaryNumber"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("type"));
    }

    @Test
    void missingBodyIsValidationProblem() {
        isProblem(registrar().post("/api/v1/documents").then(), 400, "validation");
    }

    @Test
    void malformedJson() {
        isProblem(registrar().body("{\"diaryNumber\": ").post("/api/v1/documents").then(), 400, "malformed-json");
    }

    @Test
    void unknownEnumNamesFieldAndAllowedValues() {
        isProblem(registrar().body("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"T\",\"type\":\"MEMO\"}")
                .post("/api/v1/documents").then(), 400, "validation")
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("POLICY"));
    }

    @Test
    void wrongTypeOfValue() {
        isProblem(registrar().body("{\"diaryNumber\":\"" + diary() + "\",\"title\":{\"a\":1},\"type\":\"POLICY\"}")
                .post("/api/v1/documents").then(), 400, "validation")
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void unknownRouteIs404() {
        isProblem(given().auth().oauth2(TestTokens.token(Roles.READER)).get("/api/v1/nothing-here").then(),
                404, "not-found");
    }

    @Test
    void unknownIdIs404() {
        isProblem(given().auth().oauth2(TestTokens.token(Roles.READER))
                .get("/api/v1/documents/{id}", UUID.randomUUID()).then(), 404, "not-found");
    }

    @Test
    void malformedIdIs404() {
        isProblem(given().auth().oauth2(TestTokens.token(Roles.READER))
                .get("/api/v1/documents/not-a-uuid").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIs405() {
        isProblem(registrar().delete("/api/v1/documents").then(), 405, "method-not-allowed");
    }

    @Test
    void unacceptableMediaTypeIs406() {
        isProblem(given().auth().oauth2(TestTokens.token(Roles.READER)).accept("image/png")
                .get("/api/v1/documents/{id}", UUID.randomUUID()).then(), 406, "not-acceptable");
    }

    @Test
    void unsupportedContentTypeIs415() {
        isProblem(given().auth().oauth2(TestTokens.token(Roles.REGISTRAR)).contentType("text/plain").body("hej")
                .post("/api/v1/documents").then(), 415, "unsupported-media-type");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"diaryNumber\":\"" + diary() + "\",\"title\":\"" + "å".repeat(600_000) + "\",\"type\":\"POLICY\"}";
        isProblem(registrar().body(big).post("/api/v1/documents").then(), 413, "payload-too-large");
    }

    @Test
    void duplicateIsConflictAndTheFirstIsKept() {
        String dnr = diary();
        String id = registrar().body("{\"diaryNumber\":\"" + dnr + "\",\"title\":\"Först\",\"type\":\"POLICY\"}")
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        isProblem(registrar().body("{\"diaryNumber\":\"" + dnr.toLowerCase() + "\",\"title\":\"Sen\",\"type\":\"PLAN\"}")
                .post("/api/v1/documents").then(), 409, "duplicate-diary-number");
        given().auth().oauth2(TestTokens.token(Roles.READER)).get("/api/v1/documents/{id}", id)
                .then().statusCode(200).body("title", equalTo("Först"));
    }
}
