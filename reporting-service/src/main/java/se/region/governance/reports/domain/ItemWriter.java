package se.region.governance.reports.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes a report's sections and items straight to JSON as the compiler walks the state: no tree of nodes in
 * between (a large plan's report is megabytes of them, built only to be written and dropped).
 */
final class ItemWriter {

    final JsonGenerator g;
    /** The time of each event as text, formatted once however many items name the event. */
    private final Map<Provenance, String> times = new IdentityHashMap<>();

    ItemWriter(JsonGenerator g) {
        this.g = g;
    }

    /** {@code {"key":…,"title":…,"body":…,"items":[} — the items follow, then {@link #endSection()}. */
    void startSection(String key, String title, String body) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeStringField("title", title);
        g.writeStringField("body", body);
        g.writeArrayFieldStart("items");
    }

    void endSection() throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code "provenance":[{eventId, type, time, effectiveDate}, …]}: where an item comes from. */
    void provenance(Collection<Provenance> events) throws IOException {
        g.writeArrayFieldStart("provenance");
        for (Provenance p : events) {
            provenanceEntry(p);
        }
        g.writeEndArray();
    }

    void provenanceEntry(Provenance p) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventId", p.eventId());
        g.writeStringField("type", p.type());
        g.writeStringField("time", times.computeIfAbsent(p, k -> k.time().toString()));
        g.writeStringField("effectiveDate", p.effectiveDate().toString());
        g.writeEndObject();
    }

    /** The listed fields of an event-carried object, those it has, as they are (a missing one is left out, a null stays null). */
    void copy(JsonNode from, String... fields) throws IOException {
        for (String f : fields) {
            if (from.has(f)) {
                field(f, from.get(f));
            }
        }
    }

    void field(String name, JsonNode value) throws IOException {
        g.writeFieldName(name);
        value(value);
    }

    /** A node as the tree would have written it (a missing node as null). */
    void value(JsonNode n) throws IOException {
        if (n == null || n.isMissingNode() || n.isNull()) {
            g.writeNull();
        } else if (n.isTextual()) {
            g.writeString(n.textValue());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.booleanValue());
        } else if (n.isNumber()) {
            switch (n.numberType()) {
                case INT -> g.writeNumber(n.intValue());
                case LONG -> g.writeNumber(n.longValue());
                case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                case FLOAT -> g.writeNumber(n.floatValue());
                case DOUBLE -> g.writeNumber(n.doubleValue());
                default -> g.writeNumber(n.decimalValue());
            }
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode e : n) {
                value(e);
            }
            g.writeEndArray();
        } else if (n.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                field(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeTree(n);
        }
    }
}
