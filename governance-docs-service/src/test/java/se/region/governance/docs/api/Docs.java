package se.region.governance.docs.api;

import io.restassured.specification.RequestSpecification;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test helpers: requests as a registrar or reader, unique diary numbers, a document created quickly. */
final class Docs {

    private Docs() {
    }

    static RequestSpecification registrar() {
        return given().auth().oauth2(TestTokens.tokenFor("anna.registrator", "Kansliet", Roles.REGISTRAR))
                .contentType("application/json");
    }

    static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.token(Roles.READER));
    }

    static String diary() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static String create(String json) {
        return registrar().body(json).post("/api/v1/documents").then().statusCode(201).extract().path("id");
    }

    static String createSimple(String title) {
        return create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"" + title + "\",\"type\":\"POLICY\"}");
    }

    static String etag(String id) {
        return reader().get("/api/v1/documents/{id}", id).then().statusCode(200).extract().header("ETag");
    }
}
