package se.region.governance.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode doc(String path, String schema, String schemaJson) throws Exception {
        return json.readTree("""
                {"openapi":"3.1.0","paths":{"%s":{"get":{"tags":["X"],"responses":{"200":{"content":{"application/json":
                {"schema":{"$ref":"#/components/schemas/%s"}}}}}}},"/q/health":{"get":{}}},
                 "components":{"schemas":{"%s":%s,"Problem":{"type":"object"}}}}
                """.formatted(path, schema, schema, schemaJson));
    }

    @Test
    void pathsAreUnitedTaggedPerServiceAndClashingSchemasRenamed() throws Exception {
        JsonNode docs = doc("/api/v1/documents", "Decision", "{\"type\":\"object\",\"properties\":{\"body\":{\"type\":\"string\"}}}");
        JsonNode plans = doc("/api/v1/plans", "Decision", "{\"type\":\"object\",\"properties\":{\"diaryNumber\":{\"type\":\"string\"}}}");
        JsonNode merged = new OpenApiMerger(json).merge(List.of(
                new OpenApiMerger.ServiceDoc("governance-docs-service", "d", "Docs", docs),
                new OpenApiMerger.ServiceDoc("action-plan-service", "p", "Plans", plans)), "http://gw", List.of());

        assertTrue(merged.path("paths").has("/api/v1/documents"));
        assertTrue(merged.path("paths").has("/api/v1/plans"));
        assertFalse(merged.path("paths").has("/q/health"), "service-internal paths stay out");
        assertEquals("governance-docs-service", merged.at("/paths/~1api~1v1~1documents/get/tags/0").asText());
        assertEquals("action-plan-service", merged.at("/paths/~1api~1v1~1plans/get/tags/0").asText());

        JsonNode schemas = merged.path("components").path("schemas");
        assertTrue(schemas.has("Decision"));
        assertTrue(schemas.has("PlansDecision"), "the second, different Decision is renamed");
        assertTrue(schemas.path("PlansDecision").path("properties").has("diaryNumber"));
        assertEquals("#/components/schemas/PlansDecision",
                merged.at("/paths/~1api~1v1~1plans/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Decision",
                merged.at("/paths/~1api~1v1~1documents/get/responses/200/content/application~1json/schema/$ref").asText());
        assertFalse(schemas.has("PlansProblem"), "identical schemas are shared");
        assertEquals("bearer", merged.at("/components/securitySchemes/bearer/scheme").asText());
        assertEquals("http://gw", merged.at("/servers/0/url").asText());
        assertEquals(2, merged.path("tags").size());
    }

    @Test
    void thePublicPathsNeedNoTokenAndAreTaggedPublic() throws Exception {
        JsonNode docs = doc("/api/v1/public/documents", "PublicDocument", "{\"type\":\"object\"}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) docs.at("/paths/~1api~1v1~1public~1documents/get"))
                .putArray("security").addObject().putArray("bearer"); // whatever a service says, the gateway asks none
        JsonNode plans = doc("/api/v1/plans", "Plan", "{\"type\":\"object\"}");
        JsonNode merged = new OpenApiMerger(json).merge(List.of(
                new OpenApiMerger.ServiceDoc("governance-docs-service", "d", "Docs", docs),
                new OpenApiMerger.ServiceDoc("action-plan-service", "p", "Plans", plans)), "http://gw", List.of());

        JsonNode open = merged.at("/paths/~1api~1v1~1public~1documents/get");
        assertTrue(open.path("security").isArray());
        assertEquals(0, open.path("security").size(), "an empty requirement overrides the document's bearer one");
        assertEquals("Public", open.path("tags").get(1).asText());
        assertEquals("bearer", merged.at("/paths/~1api~1v1~1plans/get/security/0").fieldNames().next());
        assertEquals("bearer", merged.at("/security/0").fieldNames().next());
        assertTrue(merged.path("tags").findValuesAsText("name").contains("Public"));
    }
}
