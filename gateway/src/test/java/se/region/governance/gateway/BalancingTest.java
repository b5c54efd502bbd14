package se.region.governance.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.region.governance.commons.testing.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Balancing over several instances of a service (FakeInstances): requests spread over them; an instance that
 * stopped is skipped and a GET that met it is answered by another; a POST is never sent twice; a service
 * with no instance left answers 503 problem+json; the health shows a service with some instances down as
 * degraded while the gateway stays ready.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeInstances.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalancingTest {

    private static RequestSpecification caller() {
        return given().auth().oauth2(TestTokens.tokenFor("balancing-user", "HR-avdelningen", "writer"));
    }

    private static List<String> instances(String route) {
        return List.of(ConfigProvider.getConfig().getValue("gateway.routes." + route, String.class).split(","));
    }

    /** What an instance received, by method, asked of it directly. */
    private static int received(String instanceUrl, String method) {
        Integer count = given().get(instanceUrl + "/_received").then().statusCode(200).extract().path(method);
        return count == null ? 0 : count;
    }

    @Test
    @Order(1)
    void requestsAreSpreadOverTheInstances() {
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String instance = caller().get("/api/v1/documents/" + i).then().statusCode(200)
                    .extract().path("instance");
            answeredBy.merge(instance, 1, Integer::sum);
        }
        assertEquals(2, answeredBy.size(), "both instances answered: " + answeredBy);
        assertEquals(40, answeredBy.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    @Order(2)
    void withOneInstanceStoppedEveryGetIsAnsweredAndTheServiceIsDegraded() {
        String stopped = instances("documents").get(1);
        given().post(stopped + "/_stop").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> refuses(stopped));

        // every GET is answered, also those first sent to the stopped instance (sent again to the other one);
        // until one of them met it, it is not known to be down
        for (int i = 0; i < 100 && !documentsDegraded(); i++) {
            caller().get("/api/v1/documents/after-stop-" + i).then().statusCode(200)
                    .body("instance", equalTo("docs-a"));
        }
        assertTrue(documentsDegraded(), "the stopped instance was met and marked down");
        // marked down, it is skipped: GETs, HEADs and writes all go to the one left
        for (int i = 0; i < 10; i++) {
            caller().get("/api/v1/documents/skip-" + i).then().statusCode(200).body("instance", equalTo("docs-a"));
            caller().contentType("application/json").body("{}").post("/api/v1/documents").then().statusCode(201)
                    .body("instance", equalTo("docs-a"));
        }

        // the gateway stays ready and says the service is degraded, instance by instance
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'gateway' }.data.governance-docs-service", startsWith("DEGRADED"));
        String live = instances("documents").get(0).substring("http://".length());
        String down = stopped.substring("http://".length());
        JsonPath services = given().get("/q/health/group/services").then().extract().jsonPath();
        Map<String, String> data = services.getMap("checks.find { it.name == 'services' }.data");
        assertEquals("DEGRADED (1 of 2 instances up)", data.get("governance-docs-service"), data.toString());
        assertEquals("UP", data.get("governance-docs-service " + live), data.toString());
        assertTrue(data.get("governance-docs-service " + down).startsWith("DOWN"), data.toString());
        assertTrue(data.get("action-plan-service").startsWith("DEGRADED"), data.toString());
        assertTrue(data.get("reporting-service").startsWith("DOWN"), data.toString());
    }

    @Test
    @Order(3)
    void aPostThatMetAnInstanceThatIsDownIsNotSentAgain() {
        // plans: one live instance and one that never listened, not yet known to be down
        String live = instances("plans").get(0);
        int before = received(live, "POST");
        int created = 0;
        Response refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            Response r = caller().contentType("application/json").body("{\"n\":" + i + "}").post("/api/v1/plans");
            if (r.statusCode() == 201) {
                created++;
            } else {
                refused = r;
            }
        }
        assertTrue(refused != null, "a POST met the instance that is down");
        refused.then().statusCode(503).contentType("application/problem+json")
                .body("type", endsWith("/upstream-unavailable"));
        // the live instance received exactly the POSTs that were answered 201: the refused one was not resent
        assertEquals(before + created, received(live, "POST"));
        // and from now on the instance that is down is skipped
        for (int i = 0; i < 10; i++) {
            caller().contentType("application/json").body("{}").post("/api/v1/plans").then().statusCode(201);
        }
        assertEquals(before + created + 10, received(live, "POST"));
    }

    @Test
    @Order(4)
    void aServiceWithNoInstanceLeftAnswers503ProblemJson() {
        caller().get("/api/v1/reports/x").then().statusCode(503).contentType("application/problem+json")
                .body("type", endsWith("/upstream-unavailable"))
                .body("detail", equalTo("The reports service is not reachable; try again shortly"));
        caller().contentType("application/json").body("{}").post("/api/v1/reports").then().statusCode(503)
                .contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'gateway' }.data.reporting-service", startsWith("DOWN"));
    }

    private static boolean documentsDegraded() {
        String state = given().get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'gateway' }.data.governance-docs-service");
        return state != null && state.startsWith("DEGRADED");
    }

    private static boolean refuses(String url) {
        try (java.net.Socket s = new java.net.Socket()) {
            java.net.URI uri = java.net.URI.create(url);
            s.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
