package se.region.governance.reports.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a report's sections and items straight to JSON as the compiler walks the state: no tree of nodes in
 * between (a large plan's report is megabytes of them, built only to be written and dropped).
 */
final class ItemWriter {

    final JsonGenerator g;
    private final Texts texts;

    ItemWriter(JsonGenerator g, Texts texts) {
        this.g = g;
        this.texts = texts;
    }

    /**
     * Dates and event times as text, each formatted once per compilation however many items name it (a large report
     * names tens of thousands of events and a few hundred days). Shared by the sections, which may be written at the
     * same time.
     */
    static final class Texts {
        private final Map<LocalDate, String> dates = new ConcurrentHashMap<>();
        private final Map<String, String> times = new ConcurrentHashMap<>();

        String date(LocalDate d) {
            return dates.computeIfAbsent(d, LocalDate::toString);
        }

        String time(Provenance p) {
            String t = times.get(p.eventId());
            if (t == null) {
                t = p.time().toString();
                times.put(p.eventId(), t);
            }
            return t;
        }
    }

    String date(LocalDate d) {
        return texts.date(d);
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
        g.writeStringField("time", texts.time(p));
        g.writeStringField("effectiveDate", texts.date(p.effectiveDate()));
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
