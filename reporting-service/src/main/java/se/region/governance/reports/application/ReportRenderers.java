package se.region.governance.reports.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
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
        if (r.sectionsJson() == null) {
            try {
                return json.writeValueAsBytes(r);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jsonAnswer(r).bytes();
    }

    /**
     * The JSON format of a report whose sections are at hand as stored bytes, in its parts: to be written as they are
     * to an answer (a large plan's sections are megabytes, not copied into one more array), or joined.
     */
    public JsonAnswer jsonAnswer(ReportView r) {
        try {
            ObjectNode head = json.valueToTree(new ReportView(r.id(), r.planId(), r.title(), r.periodFrom(), r.periodTo(),
                    r.asOf(), r.status(), r.compiledBy(), r.compiledAt(), r.contentHash(), r.finalizedAt(), r.preface(),
                    r.conclusion(), null, r.version(), null));
            head.remove("sections");
            return new JsonAnswer(json.writeValueAsBytes(head), r.sectionsJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {…head's members…,"sections":…}}: the head object without its closing brace, then the sections. */
    public record JsonAnswer(byte[] head, byte[] sections) {
        private static final byte[] MEMBER = ",\"sections\":".getBytes(StandardCharsets.UTF_8);

        public int length() {
            return head.length - 1 + MEMBER.length + sections.length + 1;
        }

        public void writeTo(OutputStream out) throws IOException {
            out.write(head, 0, head.length - 1);
            out.write(MEMBER);
            // the stored UTF-8 bytes as they are (never decoded and encoded again)
            out.write(sections);
            out.write('}');
        }

        public byte[] bytes() {
            byte[] out = new byte[length()];
            System.arraycopy(head, 0, out, 0, head.length - 1);
            System.arraycopy(MEMBER, 0, out, head.length - 1, MEMBER.length);
            System.arraycopy(sections, 0, out, head.length - 1 + MEMBER.length, sections.length);
            out[out.length - 1] = '}';
            return out;
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
