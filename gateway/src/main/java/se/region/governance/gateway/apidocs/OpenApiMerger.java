package se.region.governance.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into the one API surface: every service's /api paths,
 * tagged with the service (and {@code Public} for the open read paths under /api/v1/public, which need no
 * token: an empty security requirement overrides the document's bearer one); schemas shared when identical and renamed with the service's prefix
 * (references rewritten) when two services use one name for different shapes; the bearer scheme;
 * the gateway as the server.
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";
    static final String PUBLIC_PATHS = "/api/v1/public/";
    static final String PUBLIC_TAG = "Public";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One service's document, with the tag and schema prefix it gets in the merged one. */
    public record ServiceDoc(String tag, String description, String schemaPrefix, JsonNode document) {
    }

    private final ObjectMapper json;

    public OpenApiMerger(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode merge(List<ServiceDoc> services, String serverUrl, List<String> unavailable) {
        ObjectNode out = json.createObjectNode();
        String version = services.stream().map(s -> s.document().path("openapi").asText(null))
                .filter(v -> v != null).findFirst().orElse("3.1.0");
        out.put("openapi", version);
        ObjectNode info = out.putObject("info");
        info.put("title", "Governance API");
        info.put("version", "1.0");
        String description = "The governance service set behind one gateway: the register of governing documents, "
                + "the action plan of regionstyrelsen 2022-08-17 § 183, and follow-up reports. Every /api path "
                + "needs a bearer token (RS256 JWT; locally from deploy/local/token), except the read-only "
                + "public paths under /api/v1/public (tag Public), open to anyone and rate-limited per client address.";
        if (!unavailable.isEmpty()) {
            description += " Not included now (service unreachable): " + String.join(", ", unavailable) + ".";
        }
        info.put("description", description);
        out.putArray("servers").addObject().put("url", serverUrl).put("description", "The gateway");
        out.putArray("security").addObject().putArray("bearer");
        ArrayNode tags = out.putArray("tags");
        ObjectNode paths = out.putObject("paths");
        ObjectNode components = out.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");

        for (ServiceDoc service : services) {
            JsonNode doc = service.document().deepCopy();
            tags.addObject().put("name", service.tag()).put("description", service.description());
            Map<String, String> renames = new HashMap<>();
            JsonNode theirSchemas = doc.path("components").path("schemas");
            for (Iterator<String> names = theirSchemas.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode existing = schemas.get(name);
                if (existing != null && !existing.equals(theirSchemas.get(name))) {
                    renames.put(name, service.schemaPrefix() + name);
                }
            }
            if (!renames.isEmpty()) {
                rewriteRefs(doc, renames);
            }
            theirSchemas = doc.path("components").path("schemas");
            for (Iterator<Map.Entry<String, JsonNode>> it = theirSchemas.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = renames.getOrDefault(e.getKey(), e.getKey());
                schemas.set(name, e.getValue());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith("/api/") || paths.has(e.getKey())) {
                    continue; // health and other /q paths stay the service's own; a path has one owner
                }
                ObjectNode item = (ObjectNode) e.getValue();
                boolean open = e.getKey().startsWith(PUBLIC_PATHS);
                for (String method : METHODS) {
                    if (item.get(method) instanceof ObjectNode operation) {
                        ArrayNode opTags = operation.putArray("tags");
                        opTags.add(service.tag());
                        if (open) {
                            opTags.add(PUBLIC_TAG);
                            operation.putArray("security"); // none: whatever the service said, the gateway asks no token
                        } else if (!operation.has("security")) {
                            operation.putArray("security").addObject().putArray("bearer");
                        }
                    }
                }
                paths.set(e.getKey(), item);
            }
        }
        if (paths.properties().stream().anyMatch(p -> p.getKey().startsWith(PUBLIC_PATHS))) {
            tags.addObject().put("name", PUBLIC_TAG)
                    .put("description", "Read-only public data, no token (docs/adr/0010-public-pages.md)");
        }
        return out;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String target = ref.asText().substring(SCHEMA_REF.length());
                if (renames.containsKey(target)) {
                    object.put("$ref", SCHEMA_REF + renames.get(target));
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }
}
