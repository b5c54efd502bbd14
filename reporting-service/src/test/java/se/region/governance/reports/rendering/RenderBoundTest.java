package se.region.governance.reports.rendering;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** At most so many renders at once per kind; one more is refused at once, not queued; JSON is never bounded. */
class RenderBoundTest {

    static final byte[] BYTES = {1, 2, 3};

    @Test
    void oneRenderMoreThanTheBoundIsRefusedAndTheNextAfterOneEndsRuns() throws Exception {
        RenderBound bound = new RenderBound(1, 1);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<byte[]> running = CompletableFuture.supplyAsync(() -> bound.render(Formats.PDF, () -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BYTES;
        }));
        entered.await();
        assertThrows(RenderBound.RenderersBusy.class, () -> bound.render(Formats.PDF, () -> BYTES));
        assertArrayEquals(BYTES, bound.render(Formats.MARKDOWN, () -> BYTES), "the text formats have their own bound");
        assertArrayEquals(BYTES, bound.render(Formats.JSON, () -> BYTES));
        release.countDown();
        assertArrayEquals(BYTES, running.get());
        assertArrayEquals(BYTES, bound.render(Formats.PDF, () -> BYTES), "the bound is free again");
    }

    @Test
    void aBoundOfZeroRendersNothingButJson() {
        RenderBound bound = new RenderBound(0, 0);
        for (String format : new String[]{Formats.PDF, Formats.HTML, Formats.MARKDOWN}) {
            assertThrows(RenderBound.RenderersBusy.class, () -> bound.render(format, () -> BYTES));
        }
        assertArrayEquals(BYTES, bound.render(Formats.JSON, () -> BYTES));
    }

    @Test
    void aFailedRenderFreesItsPlace() {
        RenderBound bound = new RenderBound(1, 1);
        assertThrows(IllegalStateException.class, () -> bound.render(Formats.PDF, () -> {
            throw new IllegalStateException("broken");
        }));
        assertArrayEquals(BYTES, bound.render(Formats.PDF, () -> BYTES));
    }
}
