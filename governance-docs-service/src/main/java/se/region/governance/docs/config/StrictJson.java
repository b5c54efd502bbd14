package se.region.governance.docs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A value in a JSON body is taken as written or refused with a 400 naming the field (ProblemMappers);
 * Jackson's own readers would turn some values silently into others:
 * <ul>
 * <li>a date is a string {@code YYYY-MM-DD} with a year from 0001 to 9999 (RFC 3339's full-date, which
 * OpenAPI's {@code format: date} names); not a number (days since 1970), a date-time (its time
 * dropped), a padded string, nor a year beyond 9999;</li>
 * <li>a code (enum) is one of its names exactly: not trimmed, not a number or numeric string (an
 * index);</li>
 * <li>a text is a JSON string and a boolean a JSON boolean: no number or boolean turned into text,
 * no "true" or 1 turned into a boolean.</li>
 * </ul>
 * The request mapper of commons (RequestJson) copies this one.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("strict-json");
        // a modifier, not an added deserializer: it replaces the java.time module's whatever the order
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> original) {
                return description.getBeanClass() == LocalDate.class ? new DateReader() : original;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> original) {
                return new CodeReader(type.getRawClass());
            }
        });
        mapper.registerModule(module);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String}) {
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
        }
    }

    static final class DateReader extends StdScalarDeserializer<LocalDate> {
        DateReader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (text.length() == 10) {
                try {
                    LocalDate date = LocalDate.parse(text);
                    if (!date.isBefore(FIRST) && !date.isAfter(LAST)) {
                        return date;
                    }
                } catch (DateTimeParseException e) {
                    // refused below
                }
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date YYYY-MM-DD (0001-9999)");
        }
    }

    static final class CodeReader extends StdScalarDeserializer<Object> {
        private final Class<?> type;

        CodeReader(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getText();
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            return ctxt.handleWeirdStringValue(type, text, "not one of its codes");
        }
    }
}
