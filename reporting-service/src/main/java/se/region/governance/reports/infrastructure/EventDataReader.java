package se.region.governance.reports.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.Set;

/**
 * Reads the data of logged events, one root object after another from one streaming parser, into the same trees that
 * {@code ObjectMapper.readTree} makes (same node types, same member order), with two savings for a rebuild that reads
 * tens of thousands of events: top-level members the caller does not read are skipped without building them, and a
 * short text value that recurs (a plan id, a status, a date, a unit, a measure's title in each of its updates) is one
 * shared node instead of a new string and node each time (text nodes are immutable).
 */
final class EventDataReader {

    /** Text values up to this many characters are shared. */
    private static final int SHARED_MAX_LENGTH = 64;
    private static final int SLOTS = 1 << 12; // a power of two

    private final JsonParser parser;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final TextNode[] shared = new TextNode[SLOTS];

    EventDataReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * The next root object, with only the top-level members named in {@code members} (all when null).
     *
     * @throws IOException also when the input holds no further root value or it is not an object
     */
    ObjectNode next(Set<String> members) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected an event's data object, found " + parser.currentToken());
        }
        ObjectNode o = nodes.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            if (members == null || members.contains(name)) {
                o.set(name, value());
            } else {
                parser.skipChildren();
            }
        }
        return o;
    }

    /** The value at the parser's current token, as readTree builds it (floats as doubles). */
    private JsonNode value() throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    o.set(name, value());
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value());
                }
                return a;
            }
            case VALUE_STRING -> {
                return text();
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IOException("unexpected " + parser.currentToken() + " in an event's data");
        }
    }

    /** A text node, shared with the last equal short text that hashed to the same slot. */
    private TextNode text() throws IOException {
        int length = parser.getTextLength();
        if (length > SHARED_MAX_LENGTH) {
            return nodes.textNode(parser.getText());
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int hash = length;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        TextNode known = shared[slot];
        if (known != null && equal(known.textValue(), chars, offset, length)) {
            return known;
        }
        TextNode made = nodes.textNode(new String(chars, offset, length));
        shared[slot] = made;
        return made;
    }

    private static boolean equal(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
