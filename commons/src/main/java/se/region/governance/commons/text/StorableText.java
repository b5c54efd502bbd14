package se.region.governance.commons.text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What text the set accepts: text that every part of it can store (PostgreSQL {@code text} and
 * {@code jsonb}), publish and render (HTML, Markdown, PDF). Refused are U+0000 and the other C0
 * controls except tab, line feed and carriage return, noncharacters (U+FDD0–U+FDEF and the
 * last two code points of every plane, U+FFFE/U+FFFF among them) and lone surrogates. Nothing is
 * replaced or stripped: text is either taken exactly as sent or refused.
 */
public final class StorableText {

    private StorableText() {
    }

    /** The first character that cannot be stored, or empty when all of {@code s} can. */
    public static Optional<Problem> check(CharSequence s) {
        if (s == null) {
            return Optional.empty();
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                if (c >= 0xFDD0 && c <= 0xFDEF) {
                    return Optional.of(new Problem(c, i, "a noncharacter"));
                }
                continue;
            }
            if (c < 0x20) {
                if (c == '\t' || c == '\n' || c == '\r') {
                    continue;
                }
                return Optional.of(new Problem(c, i, c == 0 ? "a NUL character" : "a control character"));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return Optional.of(new Problem(cp, i, "a noncharacter"));
                    }
                    i++;
                    continue;
                }
                return Optional.of(new Problem(c, i, "a lone surrogate"));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(new Problem(c, i, "a lone surrogate"));
            }
            if ((c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
                return Optional.of(new Problem(c, i, "a noncharacter"));
            }
        }
        return Optional.empty();
    }

    /** True when every character of {@code s} can be stored. */
    public static boolean isStorable(CharSequence s) {
        return check(s).isEmpty();
    }

    /**
     * The first text in a JSON tree (a string value or a field name) that cannot be stored, with its
     * JSON Pointer, or empty.
     */
    public static Optional<Located> firstIn(JsonNode node) {
        return firstIn(node, "");
    }

    private static Optional<Located> firstIn(JsonNode node, String pointer) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return check(node.textValue()).map(p -> new Located(pointer, p));
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                Optional<Problem> name = check(field.getKey());
                if (name.isPresent()) {
                    return Optional.of(new Located(child, name.get()));
                }
                Optional<Located> inner = firstIn(field.getValue(), child);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<Located> inner = firstIn(node.get(i), pointer + "/" + i);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** A refused character: its code point, its index in the text and what kind of character it is. */
    public record Problem(int codePoint, int index, String kind) {
        /** E.g. "contains a NUL character (U+0000) at position 4". */
        public String describe() {
            return "contains " + kind + " (" + String.format("U+%04X", codePoint) + ") at position " + index
                    + "; control characters other than tab, line feed and carriage return, noncharacters and"
                    + " lone surrogates cannot be stored";
        }
    }

    /** A refused character found at a JSON Pointer. */
    public record Located(String pointer, Problem problem) {
    }
}
