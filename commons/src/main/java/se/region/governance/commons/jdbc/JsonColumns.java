package se.region.governance.commons.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Singleton;
import org.hibernate.type.format.AbstractJsonFormatMapper;

import java.lang.reflect.Type;

/**
 * How Hibernate writes and reads the services' jsonb columns ({@code @JdbcTypeCode(SqlTypes.JSON)}:
 * the lists kept in their row, such as a measure's principles or a consultation's recipients). A
 * Jackson mapper of its own, not the HTTP API's: what is stored must not change when the API's JSON
 * is tuned, nor be refused by the API's request rules. Values are written as their fields (enums by
 * name, UUIDs and dates as text); a stored member this code does not know fails the read rather than
 * being dropped.
 */
@Singleton // not a client proxy: the base class's methods are final
@JsonFormat
@PersistenceUnitExtension
public class JsonColumns extends AbstractJsonFormatMapper {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    protected <T> T fromString(CharSequence text, Type type) {
        try {
            return mapper.readValue(text.toString(), mapper.constructType(type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is not a " + type.getTypeName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    protected <T> String toString(T value, Type type) {
        try {
            return mapper.writerFor(mapper.constructType(type)).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not storable as JSON: " + type.getTypeName(), e);
        }
    }
}
