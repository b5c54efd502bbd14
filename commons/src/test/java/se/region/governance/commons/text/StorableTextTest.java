package se.region.governance.commons.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorableTextTest {

    /** Every refused kind, as the issue lists them. */
    @Provide
    Arbitrary<String> refused() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001F').filter(c -> c != '\t' && c != '\n' && c != '\r')
                        .map(String::valueOf),
                Arbitraries.of("\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\uD83F\uDFFF", "\uDBFF\uDFFE"),
                Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf));
    }

    /** Text of any script, emoji (surrogate pairs), tab, LF and CR: what people write. */
    @Provide
    Arbitrary<String> storable() {
        return Arbitraries.strings().withChars("\t\n\r abcåäöÅÄÖé€§–“”")
                .withCharRange('\u0020', '\u007E').withCharRange('\u00A0', '\u024F')
                .withCharRange('\u0400', '\u04FF').withCharRange('\u4E00', '\u4E50')
                .ofMaxLength(200)
                .flatMap(s -> Arbitraries.of("", "\uD83D\uDE00", "\uD83C\uDDF8\uD83C\uDDEA").map(e -> s + e));
    }

    @Property(tries = 300)
    void textPeopleWriteIsTakenAsItIs(@ForAll("storable") String text) {
        assertTrue(StorableText.isStorable(text), text);
    }

    @Property(tries = 300)
    void oneUnstorableCharacterAnywhereIsFoundAtItsPosition(@ForAll("storable") String before,
                                                            @ForAll("refused") String bad,
                                                            @ForAll @IntRange(max = 3) int afterLength) {
        // a low surrogate after a lone high one would pair with it; "x" cannot
        String text = before + bad + "x".repeat(afterLength);
        Optional<StorableText.Problem> problem = StorableText.check(text);
        assertTrue(problem.isPresent(), text);
        assertEquals(before.length(), problem.get().index());
        assertEquals(bad.codePointAt(0), problem.get().codePoint());
    }

    @Test
    void aLoneSurrogateAtTheEndOrBeforeAnotherHighSurrogateIsRefused() {
        assertFalse(StorableText.isStorable("abc\uD83D"));
        assertFalse(StorableText.isStorable("\uD83D\uD83D\uDE00"));
        assertEquals(0, StorableText.check("\uDE00\uD83D").orElseThrow().index());
    }

    @Test
    void theDescriptionNamesTheCodePoint() {
        assertEquals("contains a NUL character (U+0000) at position 2; control characters other than tab, line feed and"
                        + " carriage return, noncharacters and lone surrogates cannot be stored",
                StorableText.check("ab\u0000").orElseThrow().describe());
        assertTrue(StorableText.check("\uD83F\uDFFF").orElseThrow().describe().contains("U+1FFFF"));
    }

    @Test
    void aJsonTreeIsSearchedInValuesAndFieldNamesWithTheirPointers() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertTrue(StorableText.firstIn(json.readTree("{\"a\":[\"ok\",{\"b\":\"tab\\tok\"}],\"n\":1}")).isEmpty());
        assertEquals("/a/1/b", StorableText.firstIn(json.readTree("{\"a\":[\"ok\",{\"b\":\"x\\u0000\"}]}"))
                .orElseThrow().pointer());
        assertEquals("/k~1\uFFFF", StorableText.firstIn(json.readTree("{\"k/\\uFFFF\":1}")).orElseThrow().pointer());
    }
}
