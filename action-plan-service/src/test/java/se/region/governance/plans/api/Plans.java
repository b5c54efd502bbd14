package se.region.governance.plans.api;

import io.restassured.specification.RequestSpecification;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test helpers: requests as admin, planner (of a unit) or reader; a plan and measures created quickly. */
final class Plans {

    static final String HR = "HR-avdelningen";
    static final String HSF = "Hälso- och sjukvårdsförvaltningen";

    private Plans() {
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.tokenFor("anna.admin", HR, Roles.ADMIN)).contentType("application/json");
    }

    static RequestSpecification planner(String unit) {
        return given().auth().oauth2(TestTokens.tokenFor("per.planerare", unit, Roles.PLANNER))
                .contentType("application/json");
    }

    static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.token(Roles.READER));
    }

    static RequestSpecification integration() {
        return given().auth().oauth2(TestTokens.token(Roles.INTEGRATION));
    }

    static String createPlan(String title) {
        return admin().body("""
                        {"title":"%s","ownerUnit":"HR-avdelningen",
                         "decision":{"body":"REGIONSTYRELSEN","date":"2022-08-17","paragraph":"§ 183","diaryNumber":"1326-2021"},
                         "periodFrom":"2022-08-17","periodTo":"2026-12-31"}""".formatted(title))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
    }

    static String createPlan() {
        return createPlan("Tillitsbaserad styrning " + UUID.randomUUID().toString().substring(0, 8));
    }

    static String createMeasure(String planId, String json) {
        return admin().body(json).post("/api/v1/plans/{id}/measures", planId).then().statusCode(201).extract().path("id");
    }

    static String createMeasure(String planId, String code, String unit) {
        return createMeasure(planId, "{\"code\":\"" + code + "\",\"title\":\"Åtgärd " + code + "\",\"responsibleUnit\":\""
                + unit + "\"}");
    }

    static String report(String planId, String measureId, String json) {
        return admin().body(json).post("/api/v1/plans/{id}/measures/{mid}/updates", planId, measureId)
                .then().statusCode(201).extract().path("id");
    }

    static String measureEtag(String planId, String measureId) {
        return reader().get("/api/v1/plans/{id}/measures/{mid}", planId, measureId).then().statusCode(200)
                .extract().header("ETag");
    }
}
