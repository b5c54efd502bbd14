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
     * The JSON format: the view's fields through Jackson, and the sections as the stored bytes, spliced in
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
            byte[] start = json.writeValueAsBytes(head);
            // the stored UTF-8 bytes, copied once into the answer (never decoded and encoded again)
            byte[] sections = r.sectionsJson();
            byte[] member = ",\"sections\":".getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[start.length - 1 + member.length + sections.length + 1];
            System.arraycopy(start, 0, out, 0, start.length - 1);
            System.arraycopy(member, 0, out, start.length - 1, member.length);
            System.arraycopy(sections, 0, out, start.length - 1 + member.length, sections.length);
            out[out.length - 1] = '}';
            return out;
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
