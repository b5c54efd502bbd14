package se.region.governance.commons.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.commons.testing.AsciiJson.ABSENT;
import static se.region.governance.commons.testing.AsciiJson.json;

class AsciiJsonTest {

    @Test
    void everyCharacterOutsideAsciiIsAnEscapeAndReadsBackAsSent() throws Exception {
        String odd = "a\u0000\u001F\t\n\"\\ åäö\u00A0\u2028\uFEFF\uFFFE\uFDD0\uD800x\uDC00\uD83D\uDE00";
        String text = json(Map.of("t", odd));
        assertTrue(text.chars().allMatch(c -> c >= 0x20 && c < 0x80), text);
        assertTrue(text.contains("\\uD800x\\uDC00"), text);
        assertEquals(odd, new ObjectMapper().readTree(text).get("t").asText());
    }

    @Test
    void membersRawValuesNumbersAndOtherValues() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("left out", ABSENT);
        body.put("raw", new AsciiJson.Raw("1e999"));
        body.put("null", null);
        body.put("yes", true);
        body.put("n", 50.5);
        body.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        UUID id = UUID.randomUUID();
        body.put("list", Arrays.asList("x", id, null, List.of()));
        assertEquals("{\"raw\":1e999,\"null\":null,\"yes\":true,\"n\":50.5,\"big\":123456789012345678901234567890,"
                + "\"list\":[\"x\",\"" + id + "\",null,[]]}", json(body));
        JsonNode read = new ObjectMapper().readTree(json(Map.of("k\u00E5", "v")));
        assertEquals("v", read.get("k\u00E5").asText());
        assertThrows(IllegalArgumentException.class, () -> json(List.of(ABSENT)));
    }
}
