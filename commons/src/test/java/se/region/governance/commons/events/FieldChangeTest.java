package se.region.governance.commons.events;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldChangeTest {

    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void onCreationTheFieldsGivenAValue() {
        assertEquals(List.of(new FieldChange("title", null, "Plan"), new FieldChange("codes", null, List.of("A"))),
                FieldChange.between(null, fields("title", "Plan", "summary", null, "principles", List.of(),
                        "codes", List.of("A"))));
    }

    @Test
    void onAChangeTheFieldsThatDifferInTheOrderOfTheLaterSnapshot() {
        assertEquals(List.of(new FieldChange("status", "DRAFT", "ADOPTED"), new FieldChange("principles", List.of("A"), List.of())),
                FieldChange.between(fields("title", "Plan", "status", "DRAFT", "principles", List.of("A")),
                        fields("title", "Plan", "status", "ADOPTED", "principles", List.of())));
    }
}
