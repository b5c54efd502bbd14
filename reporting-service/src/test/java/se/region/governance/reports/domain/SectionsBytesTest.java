package se.region.governance.reports.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SectionsBytesTest {

    /** Sections of several 4 MB blocks, with å ä ö, repetitive as a large report is. */
    private static byte[] largeSections() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; b.length() < 9_000_000; i++) {
            b.append(i == 0 ? "" : ",").append("{\"key\":\"measures\",\"title\":\"Åtgärd ").append(i)
                    .append(" – samverkan med fackförbunden och medarbetarna\",\"progress\":").append(i % 101).append('}');
        }
        return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCompressedFrameReadsBackAsTheSameBytes() {
        byte[] json = largeSections();
        byte[] frame = SectionsBytes.compressed(json);
        assertTrue(SectionsBytes.isFrame(frame), "an LZ4 frame, by its magic number");
        assertTrue(frame.length < json.length / 4, "compressed: " + frame.length + " of " + json.length + " bytes");
        assertArrayEquals(json, SectionsBytes.json(frame));
        byte[] empty = "[]".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(empty, SectionsBytes.json(SectionsBytes.compressed(empty)));
    }

    @Test
    void jsonWrittenBeforeCompressionIsReadAsItIs() {
        byte[] plain = "[{\"key\":\"background\",\"title\":\"Bakgrund\"}]".getBytes(StandardCharsets.UTF_8);
        assertSame(plain, SectionsBytes.json(plain));
    }

    @Test
    void aDamagedFrameIsAnErrorNotOtherBytes() {
        byte[] frame = SectionsBytes.compressed(largeSections());
        byte[] damaged = frame.clone();
        damaged[damaged.length / 2] ^= 0x5A;
        assertThrows(IllegalStateException.class, () -> SectionsBytes.json(damaged), "the content checksum catches it");
        byte[] cut = Arrays.copyOf(frame, frame.length - 100);
        assertThrows(IllegalStateException.class, () -> SectionsBytes.json(cut));
    }
}
