package se.region.governance.plans.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * JSON scalars are taken only in the one form that reads back exactly as sent, so nothing a client
 * sends is silently turned into something else: a date is a string {@code yyyy-MM-dd} from
 * 0001-01-01 to 9999-12-31 (no epoch-day numbers, arrays or signed years; PostgreSQL has no year 0);
 * a code (enum) is its exact name, never its index nor the name with whitespace around it; a whole number is not a fraction ({@code 50.5} is not
 * taken as 50) and a boolean not a number. Each refusal is a 400 naming the field (ProblemMappers).
 * The request mapper of commons (RequestJson) copies the application mapper this customises.
 */
@Singleton
public class StrictJsonScalars implements ObjectMapperCustomizer {

    /** Last, after Quarkus registers its modules (jsr310's lenient LocalDate reader among them). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("strict-scalars").addDeserializer(LocalDate.class, new CalendarDate());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactName(deserializer);
            }
        });
        mapper.registerModule(strict);
    }

    /** A code exactly as it is named: Jackson would otherwise take {@code " DONE"} as {@code DONE}. */
    static final class ExactName extends DelegatingDeserializer {

        ExactName(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactName(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (!text.equals(text.strip())) {
                    return ctxt.handleWeirdStringValue(handledType(), text, "a code has no whitespace around it");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** {@code yyyy-MM-dd}, years 0001 to 9999, and nothing else. */
    static final class CalendarDate extends StdScalarDeserializer<LocalDate> {

        private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        CalendarDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (FORM.matcher(text).matches()) {
                try {
                    LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                    if (date.getYear() >= 1) {
                        return date;
                    }
                } catch (DateTimeException e) {
                    // not a day of the calendar, e.g. 2023-02-30: refused below
                }
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                    "a date is yyyy-MM-dd, from 0001-01-01 to 9999-12-31");
        }
    }
}
