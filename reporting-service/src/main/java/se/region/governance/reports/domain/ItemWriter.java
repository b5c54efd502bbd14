package se.region.governance.reports.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
     * Dates as text, each formatted once per compilation however many items name it (a large report names a few hundred
     * days tens of thousands of times). Shared by the sections, which may be written at the same time.
     */
    static final class Texts {
        private final Map<LocalDate, String> dates = new ConcurrentHashMap<>();

        String date(LocalDate d) {
            return dates.computeIfAbsent(d, LocalDate::toString);
        }
    }

    /** This writer's buffer for an event time's text (written from it, no String per provenance entry). */
    private final char[] time = new char[40];

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
        g.writeFieldName("time");
        int length = isoTime(p.time(), time);
        if (length < 0) {
            g.writeString(p.time().toString());
        } else {
            g.writeString(time, 0, length);
        }
        g.writeStringField("effectiveDate", texts.date(p.effectiveDate()));
        g.writeEndObject();
    }

    /**
     * {@code t.toString()} into {@code out} (40 chars are enough), its length; -1 for a year outside 1000–9999, which
     * toString writes with a sign or padding.
     */
    static int isoTime(OffsetDateTime t, char[] out) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return -1;
        }
        int at = digits(out, 0, year, 4);
        out[at++] = '-';
        at = digits(out, at, t.getMonthValue(), 2);
        out[at++] = '-';
        at = digits(out, at, t.getDayOfMonth(), 2);
        out[at++] = 'T';
        at = digits(out, at, t.getHour(), 2);
        out[at++] = ':';
        at = digits(out, at, t.getMinute(), 2);
        int second = t.getSecond();
        int nano = t.getNano();
        if (second > 0 || nano > 0) {
            out[at++] = ':';
            at = digits(out, at, second, 2);
            if (nano > 0) {
                out[at++] = '.';
                if (nano % 1_000_000 == 0) {
                    at = digits(out, at, nano / 1_000_000, 3);
                } else if (nano % 1000 == 0) {
                    at = digits(out, at, nano / 1000, 6);
                } else {
                    at = digits(out, at, nano, 9);
                }
            }
        }
        String offset = t.getOffset().getId();
        offset.getChars(0, offset.length(), out, at);
        return at + offset.length();
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, at {@code at}; the index after them. */
    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
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
