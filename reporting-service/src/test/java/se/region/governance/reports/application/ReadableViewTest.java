package se.region.governance.reports.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The readable formats' parse of the sections (without provenance); the side task and chunks that write the sections. */
class ReadableViewTest {

    @Test
    void theReadableViewIsTheReportWithoutProvenanceAndRendersTheSame() throws Exception {
        ReadableFormatsTest fixture = new ReadableFormatsTest();
        ReportView full = fixture.report(8);
        JsonNode readable = ReportService.withoutProvenance(ReadableFormatsTest.JSON, full.sectionsJson());
        assertFalse(readable.toString().contains("\"provenance\""));
        JsonNode expected = full.sections().deepCopy();
        stripProvenance(expected);
        assertEquals(expected, readable);

        ReportView view = new ReportView(full.id(), full.planId(), full.title(), full.periodFrom(), full.periodTo(), full.asOf(),
                full.status(), full.compiledBy(), full.compiledAt(), full.contentHash(), full.finalizedAt(), full.preface(),
                full.conclusion(), readable, full.version(), full.sectionsJson());
        for (ReadableLimits limits : List.of(ReadableLimits.DEFAULT, new ReadableLimits(2, 1))) {
            assertEquals(new ReportHtml().render(full, limits), new ReportHtml().render(view, limits));
            assertEquals(new ReportMarkdown().render(full, limits), new ReportMarkdown().render(view, limits));
        }
    }

    private static void stripProvenance(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("provenance");
        }
        n.forEach(ReadableViewTest::stripProvenance);
    }

    @Test
    void chunksKeepEveryByteAcrossChunkBoundaries() {
        byte[] data = new byte[200_000];
        new java.util.Random(7).nextBytes(data);
        ReportService.Chunks chunks = new ReportService.Chunks();
        int at = 0;
        for (int piece : new int[]{1, 65_535, 3, 70_000, 0, 64_000}) {
            chunks.write(data, at, piece);
            at += piece;
        }
        chunks.write(data[at]);
        at++;
        chunks.write(data, at, data.length - at);
        assertEquals(data.length, chunks.length());
        byte[] out = new byte[data.length + 2];
        assertEquals(data.length + 1, chunks.copyTo(out, 1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(data, java.util.Arrays.copyOfRange(out, 1, data.length + 1));
    }

    @Test
    void aSideTaskRunsOnThePoolOrInTheCallerButOnce() {
        AtomicInteger runs = new AtomicInteger();
        Executor never = task -> {
        };
        assertEquals("here", new SideTask<>(() -> runs.incrementAndGet() > 0 ? "here" : "", never).join(), "the caller runs it");
        Executor direct = Runnable::run;
        SideTask<String> pooled = new SideTask<>(() -> runs.incrementAndGet() > 0 ? "pool" : "", direct);
        assertEquals("pool", pooled.join());
        assertEquals(2, runs.get(), "each task ran once");
        IllegalStateException failure = new IllegalStateException("boom");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> new SideTask<>(() -> {
            throw failure;
        }, direct).join()));
    }
}
