package se.region.governance.commons.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
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

/**
 * The JSON mapper of the HTTP API (request and response bodies): the application's mapper plus two
 * rules for what a client sends. Every string and field name must be text the set can store
 * ({@link StorableText}); and an empty string is not a date, number, boolean or code (a client that
 * sends {@code ""} for a date has a bug, and taking it as "no date" would hide it). Both refusals name
 * the field (ProblemMappers). Internal reads (events, stored JSON) keep the plain mapper, so data stored
 * before these rules still reads.
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
        SimpleModule storable = new SimpleModule("storable-text");
        storable.addDeserializer(String.class, new StorableStringDeserializer());
        storable.addKeyDeserializer(String.class, new StorableKeyDeserializer());
        mapper.registerModule(storable);
        for (LogicalType type : new LogicalType[]{LogicalType.DateTime, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.OtherScalar}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
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
