package se.region.governance.reports.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a report's sections and items straight to JSON as the compiler walks the state: no tree of nodes in
 * between (a large plan's report is megabytes of them, built only to be written and dropped).
 */
final class ItemWriter {

    final JsonGenerator g;

    ItemWriter(JsonGenerator g) {
        this.g = g;
    }

    /** Names written in every provenance entry (tens of thousands per large report), encoded once. */
    private static final SerializedString EVENT_ID = new SerializedString("eventId");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString EFFECTIVE_DATE = new SerializedString("effectiveDate");

    /** This writer's buffer for a date's or an event time's text (written from it, no String each time). */
    private final char[] text = new char[40];

    /** {@code "name":"YYYY-MM-DD"}, as {@link LocalDate#toString()} writes it. */
    void dateField(String name, LocalDate d) throws IOException {
        g.writeFieldName(name);
        date(d);
    }

    private void date(LocalDate d) throws IOException {
        int length = isoDate(d, text);
        if (length < 0) {
            g.writeString(d.toString());
        } else {
            g.writeString(text, 0, length);
        }
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
        g.writeFieldName(EVENT_ID);
        g.writeString(p.eventId());
        g.writeFieldName(TYPE);
        g.writeString(p.type());
        g.writeFieldName(TIME);
        int length = isoTime(p.time(), text);
        if (length < 0) {
            g.writeString(p.time().toString());
        } else {
            g.writeString(text, 0, length);
        }
        g.writeFieldName(EFFECTIVE_DATE);
        date(p.effectiveDate());
        g.writeEndObject();
    }

    /**
     * {@code t.toString()} into {@code out} (40 chars are enough), its length; -1 for a year outside 1000–9999, which
     * toString writes with a sign or padding.
     */
    static int isoTime(OffsetDateTime t, char[] out) {
        int at = isoDate(t.toLocalDate(), out);
        if (at < 0) {
            return -1;
        }
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

    /** {@code d.toString()} into {@code out}, its length (10); -1 for a year outside 1000–9999 (written with a sign or padding). */
    static int isoDate(LocalDate d, char[] out) {
        int year = d.getYear();
        if (year < 1000 || year > 9999) {
            return -1;
        }
        int at = digits(out, 0, year, 4);
        out[at++] = '-';
        at = digits(out, at, d.getMonthValue(), 2);
        out[at++] = '-';
        return digits(out, at, d.getDayOfMonth(), 2);
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
