package se.region.governance.docs.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.region.governance.docs.domain.DocumentType;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service's JSON takes dates, codes, texts and booleans as written, or refuses them. */
@QuarkusTest
class StrictJsonTest {

    @Inject
    ObjectMapper json;

    @Test
    void datesAreYyyyMmDdFrom0001To9999() throws Exception {
        assertEquals(LocalDate.of(2023, 1, 1), json.readValue("\"2023-01-01\"", LocalDate.class));
        assertEquals(LocalDate.of(9999, 12, 31), json.readValue("\"9999-12-31\"", LocalDate.class));
        for (String odd : new String[]{"\" 2023-01-01\"", "\"2023-01-01T00:00\"", "1", "\"+10000-01-01\"",
                "\"0000-01-01\"", "\"2023-02-30\"", "\"\""}) {
            assertThrows(MismatchedInputException.class, () -> json.readValue(odd, LocalDate.class), odd);
        }
    }

    @Test
    void codesAreTheirNamesExactly() throws Exception {
        assertEquals(DocumentType.POLICY, json.readValue("\"POLICY\"", DocumentType.class));
        for (String odd : new String[]{"\"POLICY \"", "\"0\"", "0", "\"policy\"", "\"\""}) {
            assertThrows(MismatchedInputException.class, () -> json.readValue(odd, DocumentType.class), odd);
        }
    }

    @Test
    void textsAndBooleansAreNotCoerced() {
        assertThrows(MismatchedInputException.class, () -> json.readValue("1", String.class));
        assertThrows(MismatchedInputException.class, () -> json.readValue("true", String.class));
        assertThrows(MismatchedInputException.class, () -> json.readValue("\"true\"", Boolean.class));
        assertThrows(MismatchedInputException.class, () -> json.readValue("1", Boolean.class));
    }
}
