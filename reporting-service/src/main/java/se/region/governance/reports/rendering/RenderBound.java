package se.region.governance.reports.rendering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.config.RenderConfig;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@link RenderConfig#pdfAtOnce()} PDF and {@link RenderConfig#textAtOnce()} Markdown or HTML renders at once
 * per instance; one more is refused at once ({@link RenderersBusy}, answered 503 with Retry-After) rather than queued,
 * so that readers asking for drafts cannot take every core. The JSON format is not rendered and not bounded.
 */
@ApplicationScoped
public class RenderBound {

    private final Semaphore pdf;
    private final Semaphore text;

    @Inject
    public RenderBound(RenderConfig config) {
        this(config.pdfAtOnce(), config.textAtOnce());
    }

    public RenderBound(int pdfAtOnce, int textAtOnce) {
        this.pdf = new Semaphore(pdfAtOnce);
        this.text = new Semaphore(textAtOnce);
    }

    public byte[] render(String format, Supplier<byte[]> render) {
        if (Formats.JSON.equals(format)) {
            return render.get();
        }
        Semaphore bound = Formats.PDF.equals(format) ? pdf : text;
        if (!bound.tryAcquire()) {
            throw new RenderersBusy(format);
        }
        try {
            return render.get();
        } finally {
            bound.release();
        }
    }

    /** Every render of this format that may run at once is running. */
    public static final class RenderersBusy extends RuntimeException {
        public RenderersBusy(String format) {
            super("every " + format + " render this instance may run at once is running");
        }
    }
}
