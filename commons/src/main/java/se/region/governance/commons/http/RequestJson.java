package se.region.governance.commons.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import se.region.governance.commons.text.StorableText;
import se.region.governance.commons.text.UnstorableTextException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The JSON mapper of the HTTP API (request and response bodies): the application's mapper plus the
 * rule that a value a client sends is taken as written or refused, never silently turned into another:
 * <ul>
 * <li>every string and field name is text the set can store ({@link StorableText});</li>
 * <li>a date is a string {@code YYYY-MM-DD} from 1583-01-01 to 9999-12-31 (OpenAPI's {@code format: date},
 * in the Gregorian calendar): not a number of days, a date-time, a padded string or an array;</li>
 * <li>a code (enum) is one of its names exactly: not trimmed, not an index;</li>
 * <li>a text is a JSON string, a boolean a JSON boolean, a number a JSON number, and a whole number
 * is not a fraction; {@code ""} is none of date, number, boolean or code (a client that sends
 * {@code ""} for a date has a bug, and taking it as "no date" would hide it).</li>
 * </ul>
 * Each refusal names the field (ProblemMappers). Internal reads (events, stored JSON) keep the
 * application's mapper, so data stored before these rules still reads.
 */
@Provider
public class RequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    @Inject
    public RequestJson(ObjectMapper application) {
        this.mapper = configure(application.copy());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** Adds the request rules to {@code mapper} (a copy of the application's) and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule strict = new SimpleModule("request-values");
        strict.addDeserializer(String.class, new StorableStringDeserializer());
        strict.addKeyDeserializer(String.class, new StorableKeyDeserializer());
        // a modifier, not an added deserializer: it replaces the java.time module's, whatever the order
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> original) {
                return description.getBeanClass() == LocalDate.class ? new CalendarDateDeserializer() : original;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> original) {
                return new CodeDeserializer(type.getRawClass());
            }
        });
        mapper.registerModule(strict);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : new LogicalType[]{LogicalType.DateTime, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.OtherScalar}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * {@code YYYY-MM-DD} from 1583-01-01 to 9999-12-31, and nothing else: the JDBC driver passes dates
     * through {@code java.sql.Date}, whose calendar has no 1582-10-05 to 1582-10-14 and so stores such a day
     * ten days later; no governing document or measure is dated before the Gregorian calendar.
     */
    static final class CalendarDateDeserializer extends StdScalarDeserializer<LocalDate> {
        private static final LocalDate FIRST = LocalDate.of(1583, 1, 1);
        private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

        CalendarDateDeserializer() {
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
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date YYYY-MM-DD from 1583-01-01 to 9999-12-31");
        }
    }

    /** A code exactly as named: Jackson would otherwise take {@code " DONE"} or {@code 1} for a code. */
    static final class CodeDeserializer extends StdScalarDeserializer<Object> {
        private final Class<?> type;

        CodeDeserializer(Class<?> type) {
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

    static final class StorableStringDeserializer extends StdScalarDeserializer<String> {
        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            StorableText.Problem problem = StorableText.check(value).orElse(null);
            if (problem != null) {
                throw new UnstorableTextException(p, problem, value);
            }
            return value;
        }
    }

    static final class StorableKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            StorableText.Problem problem = StorableText.check(key).orElse(null);
            if (problem != null) {
                throw new UnstorableTextException(ctxt.getParser(), problem, key);
            }
            return key;
        }
    }
}
