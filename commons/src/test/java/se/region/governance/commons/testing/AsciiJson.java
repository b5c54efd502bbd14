package se.region.governance.commons.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON for request bodies that must reach the server exactly as a test wrote them: every character outside
 * ASCII is a {@code \}{@code uXXXX} escape (Jackson's {@link JsonWriteFeature#ESCAPE_NON_ASCII}), so a lone
 * surrogate or a noncharacter travels as the escape, where UTF-8 bytes could not carry it. Written to a
 * {@link StringWriter}: Jackson's character generator escapes char by char and never pairs or refuses
 * surrogates (its UTF-8 byte generator would).
 * <p>
 * Values: {@code null}, {@link String}, {@link Boolean}, {@link Number} (as its {@code toString()}), {@link Map}
 * (keys as strings; a member whose value is {@link #ABSENT} is left out), {@link Iterable}, {@link Raw} (written as
 * it is); anything else as the string of its {@code toString()} (a UUID, a date).
 */
public final class AsciiJson {

    /** A JSON text written as it is: a value of the wrong type, a number no Java type holds, an explicit null. */
    public record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    /** As a member's value: the member is left out of the object. */
    public static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "ABSENT";
        }
    };

    private static final JsonFactory FACTORY = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private AsciiJson() {
    }

    /** The value as JSON text, ASCII only. */
    public static String json(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value == ABSENT) {
            throw new IllegalArgumentException("ABSENT leaves out a member; it is not a value of its own");
        } else if (value instanceof Raw raw) {
            g.writeRawValue(raw.json());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (member.getValue() != ABSENT) {
                    g.writeFieldName(String.valueOf(member.getKey()));
                    write(g, member.getValue());
                }
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(value.toString());
        }
    }
}
