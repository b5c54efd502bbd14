package se.region.governance.reports.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * The JSON format: the view's fields through Jackson, and the sections as the stored text, spliced in
     * rather than parsed and written again.
     */
    public byte[] json(ReportView r) {
        try {
            if (r.sectionsJson() == null) {
                return json.writeValueAsBytes(r);
            }
            ObjectNode head = json.valueToTree(new ReportView(r.id(), r.planId(), r.title(), r.periodFrom(), r.periodTo(),
                    r.asOf(), r.status(), r.compiledBy(), r.compiledAt(), r.contentHash(), r.finalizedAt(), r.preface(),
                    r.conclusion(), null, r.version(), null));
            head.remove("sections");
            String text = json.writeValueAsString(head);
            StringBuilder b = new StringBuilder(text.length() + r.sectionsJson().length() + 16);
            b.append(text, 0, text.length() - 1).append(",\"sections\":").append(r.sectionsJson()).append('}');
            return b.toString().getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(ReportView r, String format) {
        return switch (format) {
            case Formats.JSON -> json(r);
            case Formats.MARKDOWN -> markdown.render(r).getBytes(StandardCharsets.UTF_8);
            case Formats.HTML -> html.render(r).getBytes(StandardCharsets.UTF_8);
            case Formats.PDF -> pdf.render(html.render(r));
            default -> throw new IllegalArgumentException("unsupported format " + format);
        };
    }
}
