package se.region.governance.docs.api;

import se.region.governance.commons.text.HasText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The patterns of the OpenAPI document mean the same in Java (bean validation) and in ECMA-262
 * (OpenAPI validators, generated clients): none uses a class whose meaning differs ({@code \p},
 * {@code \d}, {@code \w}, {@code \s}, {@code .}, inline flags); each compiles in Java; and where
 * Node.js is installed, each matches exactly the same samples in both.
 */
@QuarkusTest
class OpenApiPatternTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Sample values: valid and invalid diary numbers, URLs, blank and odd text. */
    static final List<String> SAMPLES = List.of("RS/342/2022", "T-1234", "Åre-2023/12", "éÉüÜ", "ab", "a".repeat(40),
            "a".repeat(41), "RS 342", " RS/1", "RS/1 ", "RS/1\n", "ΑΒΓ-123", "١٢٣-abc", "x\u00A0y", "ﬁ-123", "Ǆ-123",
            "https://diarium.example/RS342-2022.pdf", "http://x", "https://", "https://a b", "https://a\tb",
            "HTTPS://A", "ftp://x", "https://ä.se/ö", "https://x\u00A0y", "https://x/\uD83D\uDE00", "", " ", "\t\n",
            "\u00A0", "\u3000\uFEFF", "\u2028", "\u0085", "\u001F", "a", " a ", "\uD83D\uDE00",
            "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000", "xyz");

    static List<String> patterns() throws IOException {
        String doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Set<String> found = new TreeSet<>();
        collect(JSON.readTree(doc), found);
        return new ArrayList<>(found);
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("pattern") && e.getValue().isTextual()) {
                    into.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        }
    }

    @Test
    void patternsUseOnlyWhatBothDialectsReadAlike() throws IOException {
        List<String> patterns = patterns();
        assertTrue(patterns.contains(Requests.DIARY_NUMBER), patterns.toString());
        assertTrue(patterns.contains(Requests.URL), patterns.toString());
        assertTrue(patterns.contains(HasText.PATTERN), patterns.toString());
        for (String p : patterns) {
            Pattern.compile(p);
            String unescapedDots = p.replaceAll("\\\\.", "").replaceAll("\\[[^\\]]*\\]", "");
            assertFalse(p.matches(".*\\\\[pPdDwWsSbBhHvVRXzZAGQE].*"), "a class that differs between dialects: " + p);
            assertFalse(p.contains("(?"), "inline flags or lookaround: " + p);
            assertFalse(unescapedDots.contains("."), "'.' differs between dialects: " + p);
        }
        // bean validation matches the whole value, a JSON Schema pattern is searched for: anchor both ends
        assertTrue(Requests.DIARY_NUMBER.startsWith("^") && Requests.DIARY_NUMBER.endsWith("$"));
        assertTrue(Requests.URL.startsWith("^") && Requests.URL.endsWith("$"));
    }

    @Test
    void patternsMatchTheSameInJavaAndEcmaScript() throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "node (an ECMA-262 engine) is not installed");
        List<String> patterns = patterns();
        Path input = Files.createTempFile("patterns", ".json");
        Files.writeString(input, JSON.writeValueAsString(Map.of("patterns", patterns, "samples", SAMPLES)));
        String script = "const i=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'));"
                + "console.log(JSON.stringify(i.patterns.map(p=>{const r=new RegExp(p);return i.samples.map(s=>r.test(s));})));";
        Process node = new ProcessBuilder("node", "-e", script, input.toString()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), out);
        JsonNode ecma = JSON.readTree(out);
        for (int p = 0; p < patterns.size(); p++) {
            Pattern java = Pattern.compile(patterns.get(p));
            boolean anchored = patterns.get(p).startsWith("^") && patterns.get(p).endsWith("$");
            for (int s = 0; s < SAMPLES.size(); s++) {
                // an anchored pattern is bean validation's whole-value match; the others are searched for
                // in Java too (HasText), or not checked by Java at all (UUID path parameters)
                var m = java.matcher(SAMPLES.get(s));
                assertEquals(anchored ? m.matches() : m.find(), ecma.get(p).get(s).asBoolean(),
                        "pattern " + patterns.get(p) + " on " + JSON.writeValueAsString(SAMPLES.get(s)));
            }
        }
        Files.delete(input);
    }

    @Test
    void hasTextIsItsPatternSearchedFor() {
        Pattern text = Pattern.compile(HasText.PATTERN);
        HasText.Validator hasText = new HasText.Validator();
        for (String s : SAMPLES) {
            assertEquals(text.matcher(s).find(), hasText.isValid(s, null), s);
        }
        assertFalse(hasText.isValid("\u00A0\u3000 \t", null));
        assertTrue(hasText.isValid(" x ", null));
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
