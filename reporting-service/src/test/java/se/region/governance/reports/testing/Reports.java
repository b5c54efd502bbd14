package se.region.governance.reports.testing;

import io.restassured.specification.RequestSpecification;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** Requests as a reporter or a reader, and the compile body of the August 2023 report. */
public final class Reports {

    private Reports() {
    }

    public static RequestSpecification reporter() {
        return given().auth().oauth2(TestTokens.tokenFor("elin.roos.hogberg", "HR-avdelningen", Roles.REPORTER))
                .contentType("application/json");
    }

    public static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.token(Roles.READER));
    }

    public static String august2023(String planId) {
        return "{\"planId\":\"" + planId + "\",\"periodFrom\":\"2023-01-01\",\"periodTo\":\"2023-08-31\",\"asOf\":\"2023-08-31\","
                + "\"title\":\"Utifrån regionstyrelsens uppföljningsplan; redovisning av tillitsbaserad styrning\","
                + "\"compiledBy\":\"strateg Elin Roos Högberg\"}";
    }
}
