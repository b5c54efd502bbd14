package se.region.governance.reports.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Events' data read one after another from one parser: the trees readTree makes, less the members left out. */
class EventDataReaderTest {

    final ObjectMapper json = new ObjectMapper();
    final List<String> data = List.of(
            "{\"planId\": \"p-1\", \"update\": {\"id\": \"u-1\", \"date\": \"2023-05-02\", \"progress\": 40, \"text\": \"Med ”citat”, \\\\ och \\n radbrytning\","
                    + " \"example\": true, \"obstacles\": null, \"share\": 0.25, \"big\": 12345678901, \"huge\": 123456789012345678901234567890,"
                    + " \"exp\": 1.5e3, \"neg\": -7, \"empty\": \"\"}, \"changes\": [{\"field\": \"title\", \"from\": \"a\", \"to\": \"b\"}]}",
            "{\"planId\": \"p-1\", \"measure\": {\"code\": \"2.10\", \"principles\": [\"TRUST\", {\"principle\": \"OPENNESS\"}], \"documentIds\": [],"
                    + " \"nested\": [[1, [2, {}]], []]}, \"unread\": {\"deep\": [1, 2, {\"x\": [3]}]}}",
            "{}",
            "{\"planId\": \"p-1\", \"long\": \"" + "å".repeat(100) + "\", \"update\": {\"status\": \"IN_PROGRESS\"}}");

    private EventDataReader reader() throws Exception {
        JsonParser parser = json.getFactory().createParser(String.join("\n", data).getBytes(StandardCharsets.UTF_8));
        return new EventDataReader(parser);
    }

    @Test
    void readWholeEachEventIsTheTreeReadTreeMakes() throws Exception {
        EventDataReader reader = reader();
        for (String d : data) {
            JsonNode read = reader.next(null);
            assertEquals(json.readTree(d), read);
            assertEquals(json.writeValueAsString(json.readTree(d)), json.writeValueAsString(read), "same members in the same order");
        }
        assertThrows(java.io.IOException.class, () -> reader.next(null), "no further event");
    }

    @Test
    void membersNotAskedForAreLeftOutAndRecurringTextIsShared() throws Exception {
        EventDataReader reader = reader();
        Set<String> members = Set.of("planId", "update", "measure");
        JsonNode first = null;
        for (String d : data) {
            ObjectNode expected = (ObjectNode) json.readTree(d);
            expected.retain(members);
            JsonNode read = reader.next(members);
            assertEquals(json.writeValueAsString(expected), json.writeValueAsString(read));
            if (first == null) {
                first = read;
            } else if (read.has("planId")) {
                assertSame(first.get("planId"), read.get("planId"), "one node for a recurring short text");
            }
        }
    }
}
