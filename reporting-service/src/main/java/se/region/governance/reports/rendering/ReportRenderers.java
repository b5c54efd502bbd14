package se.region.governance.reports.rendering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import se.region.governance.reports.config.ReadableConfig;
import se.region.governance.reports.domain.PublicReport;
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

    /**
     * The public rendition of a report (ADR 10) in one of {@link Formats#ALL} or {@link Formats#HTML_FRAGMENT}: rendered
     * from the report's sections with every person's name removed ({@link ReportView#withoutPersonNames()}); the JSON is
     * {@link PublicReport}.
     */
    public byte[] renderPublic(ReportView r, String format) {
        ReportView v = r.withoutPersonNames();
        return switch (format) {
            case Formats.JSON -> json(PublicReport.of(v));
            case Formats.HTML_FRAGMENT -> html.fragment(v).getBytes(StandardCharsets.UTF_8);
            default -> render(v, format);
        };
    }

    private byte[] json(Object r) {
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
