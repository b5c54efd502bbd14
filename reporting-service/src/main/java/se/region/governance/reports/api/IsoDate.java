package se.region.governance.reports.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A request's date exactly as ISO 8601 writes one ({@code 2023-08-31}). Jackson's own reader trims the text (which
 * drops U+0000 and every other control character with the spaces) and, being lenient, takes a date-time or a number
 * of days as a date: each would store a date other than the text sent. Refused instead (400 naming the field).
 */
class IsoDate extends StdScalarDeserializer<LocalDate> {

    IsoDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        }
        String text = p.getText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "must be a date as yyyy-mm-dd");
        }
    }
}
