package se.region.governance.reports.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
            case Formats.JSON -> {
                try {
                    yield json.writeValueAsBytes(r);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case Formats.MARKDOWN -> markdown.render(r).getBytes(StandardCharsets.UTF_8);
            case Formats.HTML -> html.render(r).getBytes(StandardCharsets.UTF_8);
            case Formats.PDF -> pdf.render(html.render(r));
            default -> throw new IllegalArgumentException("unsupported format " + format);
        };
    }
}
