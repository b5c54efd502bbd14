package se.region.governance.commons.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.text.UnstorableTextException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestJsonTest {

    enum Colour { RED }

    record Body(String title, List<String> recipients, Map<String, String> labels, LocalDate date, Integer count,
                Boolean flag, Colour colour) {
    }

    private final ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper requests = RequestJson.configure(plain.copy());

    @Test
    void storableTextIsReadExactlyAsSent() throws Exception {
        String title = "  Riktlinje\tför\r\nsamverkan 😀 ";
        Body b = requests.readValue(plain.writeValueAsString(Map.of("title", title, "recipients", List.of(" Vision "))),
                Body.class);
        assertEquals(title, b.title());
        assertEquals(List.of(" Vision "), b.recipients());
    }

    @Test
    void anUnstorableCharacterInAValueAListOrAKeyIsRefusedWithItsPath() {
        UnstorableTextException e = assertThrows(UnstorableTextException.class,
                () -> requests.readValue("{\"title\":\"a\\u0000b\"}", Body.class));
        assertEquals("title", e.getPath().get(0).getFieldName());
        assertTrue(e.getOriginalMessage().contains("(U+0000) at position 1"), e.getOriginalMessage());
        e = assertThrows(UnstorableTextException.class,
                () -> requests.readValue("{\"recipients\":[\"ok\",\"\\uFFFF\"]}", Body.class));
        assertEquals("recipients", e.getPath().get(0).getFieldName());
        assertEquals(1, e.getPath().get(1).getIndex());
        e = assertThrows(UnstorableTextException.class,
                () -> requests.readValue("{\"labels\":{\"\\ud800\":\"x\"}}", Body.class));
        assertEquals("labels", e.getPath().get(0).getFieldName());
    }

    @Test
    void anEmptyStringIsNoDateNumberBooleanOrCode() {
        for (String field : List.of("date", "count", "flag", "colour")) {
            MismatchedInputException e = assertThrows(MismatchedInputException.class,
                    () -> requests.readValue("{\"" + field + "\":\"\"}", Body.class), field);
            assertEquals(field, e.getPath().get(0).getFieldName());
        }
    }

    @Test
    void aDateIsYyyyMmDdFrom1583To9999AndNothingElse() throws Exception {
        assertEquals(LocalDate.of(2023, 1, 1), requests.readValue("{\"date\":\"2023-01-01\"}", Body.class).date());
        assertEquals(LocalDate.of(9999, 12, 31), requests.readValue("{\"date\":\"9999-12-31\"}", Body.class).date());
        assertEquals(LocalDate.of(1583, 1, 1), requests.readValue("{\"date\":\"1583-01-01\"}", Body.class).date());
        for (String odd : List.of("\" 2023-01-01\"", "\"2023-01-01T00:00\"", "1", "20230101", "[2023,1,1]",
                "\"+10000-01-01\"", "\"0000-01-01\"", "\"0001-01-01\"", "\"1582-10-10\"", "\"1582-12-31\"", "\"-0001-01-01\"", "\"2023-02-30\"", "\"2023-01-01\\u0000\"")) {
            MismatchedInputException e = assertThrows(MismatchedInputException.class,
                    () -> requests.readValue("{\"date\":" + odd + "}", Body.class), odd);
            assertEquals("date", e.getPath().get(0).getFieldName(), odd);
        }
    }

    @Test
    void aCodeIsItsNameExactly() throws Exception {
        assertEquals(Colour.RED, requests.readValue("{\"colour\":\"RED\"}", Body.class).colour());
        for (String odd : List.of("\"RED \"", "\" RED\"", "\"red\"", "\"0\"", "0", "true")) {
            assertThrows(MismatchedInputException.class, () -> requests.readValue("{\"colour\":" + odd + "}", Body.class), odd);
        }
    }

    @Test
    void textNumbersAndBooleansAreNotTurnedIntoEachOther() throws Exception {
        assertEquals(12, requests.readValue("{\"count\":12}", Body.class).count());
        assertEquals(true, requests.readValue("{\"flag\":true}", Body.class).flag());
        for (String odd : List.of("{\"title\":12}", "{\"title\":1.5}", "{\"title\":true}", "{\"count\":12.5}",
                "{\"count\":\"12\"}", "{\"count\":true}", "{\"flag\":1}", "{\"flag\":\"true\"}")) {
            assertThrows(MismatchedInputException.class, () -> requests.readValue(odd, Body.class), odd);
        }
    }

    @Test
    void theApplicationsOwnMapperIsUnchanged() throws Exception {
        assertEquals("a\u0000b", plain.readValue("{\"title\":\"a\\u0000b\"}", Body.class).title());
        assertNull(plain.readValue("{\"date\":\"\"}", Body.class).date());
        assertThrows(InvalidFormatException.class, () -> plain.readValue("{\"colour\":\"BLUE\"}", Body.class));
    }
}
