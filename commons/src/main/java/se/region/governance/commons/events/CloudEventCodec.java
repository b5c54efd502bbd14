package se.region.governance.commons.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * CloudEvents 1.0 in structured JSON mode (the CloudEvents SDK's {@link JsonFormat}): {@code data}
 * is inline JSON, {@code datacontenttype} is {@code application/json}.
 */
@ApplicationScoped
public class CloudEventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE; // application/cloudevents+json
    private static final EventFormat FORMAT = new JsonFormat();

    @Inject
    ObjectMapper mapper;

    /** Builds and serializes a new event with a fresh id and the current time (microsecond precision, UTC). */
    public OutgoingEvent create(String source, String type, String subject, Object data) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(URI.create(source))
                    .withType(type)
                    .withSubject(subject)
                    .withTime(time)
                    .withDataContentType("application/json")
                    .withData(mapper.writeValueAsBytes(data))
                    .build();
            return new OutgoingEvent(id, type, subject, time, new String(FORMAT.serialize(event), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("event data not serializable: " + type, e);
        }
    }

    /** Parses a structured CloudEvent; throws {@link IllegalArgumentException} for anything else. */
    public ReceivedEvent parse(byte[] value) {
        try {
            CloudEvent event = FORMAT.deserialize(value);
            JsonNode data = event.getData() == null ? mapper.nullNode() : mapper.readTree(event.getData().toBytes());
            return new ReceivedEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                    event.getTime(), data);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 structured JSON event", e);
        }
    }

    public ReceivedEvent parse(String value) {
        return parse(value.getBytes(StandardCharsets.UTF_8));
    }

    /** An event ready for the outbox: its id, type, subject, time and serialized envelope. */
    public record OutgoingEvent(String id, String type, String subject, OffsetDateTime time, String json) {
    }

    /** An event as a consumer sees it. */
    public record ReceivedEvent(String id, String type, String source, String subject, OffsetDateTime time,
                                JsonNode data) {
    }
}
