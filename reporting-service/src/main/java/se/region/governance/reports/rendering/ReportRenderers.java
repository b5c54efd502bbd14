package se.region.governance.reports.rendering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import se.region.governance.reports.config.ReadableConfig;
import se.region.governance.reports.domain.ReportView;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Renders a report in one of {@link Formats#ALL}. */
@ApplicationScoped
public class ReportRenderers {

    @Inject
    ObjectMapper json;
    @Inject
    ReportMarkdown markdown;
    @Inject
    ReportHtml html;
    @Inject
    ReportPdf pdf;

    public byte[] render(ReportView r, String format) {
        return switch (format) {
            case Formats.JSON -> json(r);
            case Formats.MARKDOWN -> markdown.render(r).getBytes(StandardCharsets.UTF_8);
            case Formats.HTML -> html.render(r).getBytes(StandardCharsets.UTF_8);
            case Formats.PDF -> pdf.render(html.render(r));
            default -> throw new IllegalArgumentException("unsupported format " + format);
        };
    }

    private byte[] json(ReportView r) {
        try {
            return json.writeValueAsBytes(r);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configured {@link ReadableLimits}. */
    @Produces
    @Singleton
    static ReadableLimits readableLimits(ReadableConfig config) {
        return new ReadableLimits(config.listLimit(), config.updatesPerMeasure());
    }
}
