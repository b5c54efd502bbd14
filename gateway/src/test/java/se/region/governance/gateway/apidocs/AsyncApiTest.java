package se.region.governance.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the AsyncAPI document true: per topic, the CloudEvents types it documents are exactly the
 * types the services' main code emits (every event type string literal in their sources), and every
 * message's payload names its type and a data schema that exists.
 */
class AsyncApiTest {

    static final Pattern EVENT_TYPE = Pattern.compile(
            "\"((governance\\.document|actionplan\\.(plan|measure|progress|collaboration)|reporting\\.report)\\.[a-z][a-z-]*)\"");
    static final Map<String, String> TOPIC_OF_PREFIX = Map.of(
            "governance.", "governance.documents", "actionplan.", "actionplan.plans", "reporting.", "reporting.reports");

    static JsonNode asyncApi() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(ApiDocsRoutes.readAsyncApi());
    }

    static Map<String, Set<String>> documentedTypes(JsonNode doc) {
        Map<String, Set<String>> byTopic = new TreeMap<>();
        doc.path("channels").forEach(channel -> {
            Set<String> types = byTopic.computeIfAbsent(channel.path("address").asText(), k -> new TreeSet<>());
            channel.path("messages").forEach(ref -> {
                String name = ref.path("$ref").asText().replace("#/components/messages/", "");
                types.add(doc.path("components").path("messages").path(name).path("name").asText());
            });
        });
        return byTopic;
    }

    static Map<String, Set<String>> emittedTypes() throws IOException {
        Path root = Path.of(System.getenv().getOrDefault("GOVERNANCE_ROOT", ".."));
        Map<String, Set<String>> byTopic = new TreeMap<>();
        for (String service : new String[]{"governance-docs-service", "action-plan-service", "reporting-service"}) {
            Path sources = root.resolve(service).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = EVENT_TYPE.matcher(Files.readString(file));
                    while (m.find()) {
                        String type = m.group(1);
                        String topic = TOPIC_OF_PREFIX.entrySet().stream().filter(e -> type.startsWith(e.getKey()))
                                .findFirst().orElseThrow().getValue();
                        byTopic.computeIfAbsent(topic, k -> new TreeSet<>()).add(type);
                    }
                }
            }
        }
        return byTopic;
    }

    @Test
    void documentsExactlyTheTypesTheCodeEmits() throws IOException {
        Map<String, Set<String>> documented = documentedTypes(asyncApi());
        Map<String, Set<String>> emitted = emittedTypes();
        assertTrue(emitted.containsKey("governance.documents"), "the scan finds the services' sources");
        for (Map.Entry<String, Set<String>> e : emitted.entrySet()) {
            assertEquals(e.getValue(), documented.get(e.getKey()), "event types of " + e.getKey());
        }
    }

    @Test
    void everyMessageNamesItsTypeAndAnExistingDataSchema() throws IOException {
        JsonNode doc = asyncApi();
        JsonNode schemas = doc.path("components").path("schemas");
        doc.path("components").path("messages").forEach(message -> {
            JsonNode own = message.path("payload").path("allOf").get(1);
            assertEquals(message.path("name").asText(), own.path("properties").path("type").path("const").asText());
            String data = own.path("properties").path("data").path("$ref").asText().replace("#/components/schemas/", "");
            assertTrue(schemas.has(data), "schema " + data + " of " + message.path("name").asText());
        });
        assertEquals(Set.of("governance.documents", "actionplan.plans", "reporting.reports"),
                documentedTypes(doc).keySet());
    }
}
