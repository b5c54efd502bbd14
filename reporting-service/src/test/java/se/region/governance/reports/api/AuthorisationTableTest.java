package se.region.governance.reports.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint of the service's OpenAPI document against every caller, with the exact status each gets: an endpoint
 * the table does not name fails the test. The allowed callers' requests go to a report that does not exist (404) or
 * carry an empty body (400), so that each answer is known; every refusal is problem+json.
 */
@QuarkusTest
class AuthorisationTableTest {

    static final String NONE = "no token";
    static final List<String> CALLERS = List.of(Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.INTEGRATION,
            Roles.ADMIN, NONE);
    static final Set<String> READERS = Set.of(Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN);
    static final Set<String> WRITERS = Set.of(Roles.REPORTER, Roles.ADMIN);
    static final Set<String> OPERATORS = Set.of(Roles.ADMIN);

    /** Per endpoint: who may call it, and what an allowed caller's request below answers. */
    record Rule(Set<String> allowed, int allowedStatus) {
    }

    static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("GET /api/v1/reports", new Rule(READERS, 200));
        TABLE.put("POST /api/v1/reports", new Rule(WRITERS, 400));
        TABLE.put("GET /api/v1/reports/consumers", new Rule(OPERATORS, 200));
        TABLE.put("GET /api/v1/reports/{id}", new Rule(READERS, 404));
        TABLE.put("PATCH /api/v1/reports/{id}", new Rule(WRITERS, 404));
        TABLE.put("POST /api/v1/reports/{id}/recompile", new Rule(WRITERS, 404));
        TABLE.put("POST /api/v1/reports/{id}/finalize", new Rule(WRITERS, 404));
    }

    @Test
    void theTableNamesEveryEndpointOfTheOpenApiDocument() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        assertEquals(documented, new TreeSet<>(TABLE.keySet()), "every endpoint has a rule in the table, and only those");
    }

    @Test
    void everyCallerGetsExactlyItsStatusOnEveryEndpoint() {
        List<String> wrong = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        TABLE.forEach((endpoint, rule) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", id);
            for (String caller : CALLERS) {
                int expected = NONE.equals(caller) ? 401 : rule.allowed().contains(caller) ? rule.allowedStatus() : 403;
                RequestSpecification request = NONE.equals(caller) ? given() : given().auth().oauth2(TestTokens.token(caller));
                if (!"GET".equals(method)) {
                    request.contentType("application/json").body("{}");
                }
                io.restassured.response.Response answer = request.request(method, path);
                String type = answer.getContentType();
                if (answer.statusCode() != expected) {
                    wrong.add(endpoint + " as " + caller + ": " + answer.statusCode() + ", expected " + expected);
                } else if (expected >= 400 && !type.startsWith("application/problem+json")) {
                    wrong.add(endpoint + " as " + caller + ": " + expected + " as " + type + ", not problem+json");
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void aBadTokenIsUnauthorisedOnEveryEndpoint() {
        List<String> wrong = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        for (String endpoint : TABLE.keySet()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", id);
            for (String bad : new String[]{TestTokens.expired(Roles.ADMIN), TestTokens.wrongKey(Roles.ADMIN),
                    TestTokens.wrongIssuer(Roles.ADMIN), TestTokens.wrongAudience(Roles.ADMIN), TestTokens.algNone(Roles.ADMIN)}) {
                int status = given().auth().oauth2(bad).contentType("application/json").body("{}").request(method, path).statusCode();
                if (status != 401) {
                    wrong.add(endpoint + ": " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
