package se.region.governance.reports.rendering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import se.region.governance.reports.domain.AsOfState;
import se.region.governance.reports.domain.ReportCompiler;
import se.region.governance.reports.domain.ReportPeriod;
import se.region.governance.reports.domain.ReportSections;
import se.region.governance.reports.domain.ReportView;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.testing.InMemoryLog;
import se.region.governance.reports.testing.Section183;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readable formats take any text a report may hold: HTML, Markdown syntax and link schemes in user text stay text;
 * characters no format can hold become U+FFFD in the rendering only; white space of any length takes linear time.
 */
@QuarkusTest
class HostileTextTest {

    static final ReportPeriod AUGUST_2023 = new ReportPeriod(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-08-31"),
            LocalDate.parse("2023-08-31"));

    /** Each on one line: what a hostile or careless caller might write into any text field. */
    static final List<String> INLINE = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "[klick](javascript:alert(1))", "<javascript:alert(1)>", "![bild](javascript:alert(2))", "<a href=\"javascript:x()\">a</a>",
            "&lt;b&gt; &amp; &#60;", "*fet* _kursiv_ `kod` ~~struken~~ \\ | cell |", "[ref] [ref]", "<https://example.org/ok>");
    /** Lines that open blocks when they start a line. */
    static final List<String> BLOCK_LINES = List.of("# Rubrik", "- punkt", "+ punkt", "1. nummer", "2) nummer", "> citat", "```",
            "    indenterad kod", "---", "===", "[ref]: javascript:alert(3)", "<div>block</div>", "<!-- kommentar -->", "| a | b |",
            "|---|---|", "***", "~~~", "<script>", "\\");

    final Section183 plan = new Section183();
    @Inject
    ReportMarkdown markdown;
    @Inject
    ReportHtml html;

    /** § 183's August 2023 report with {@code payload} appended to every text of its events, and the report's own text. */
    ReportView report(String title, String freeText, String payload) {
        return report(title, freeText, payload, true);
    }

    /** The same, with {@code payload} only in the report's own text and one update's if not {@code everywhere}. */
    ReportView report(String title, String freeText, String payload, boolean everywhere) {
        List<Section183.Event> events = new ArrayList<>(plan.all());
        if (everywhere) {
            for (Section183.Event e : events) {
                append(e.data(), payload);
            }
        }
        events.add(plan.lateUpdate("2023-07-01", "Uppföljning " + payload));
        AsOfState state = AsOfState.rebuild(plan.planId, AUGUST_2023.asOf(), new InMemoryLog().appendAll(events).events());
        ReportSections sections = new ReportCompiler().compile(state, AUGUST_2023);
        return new ReportView(UUID.randomUUID(), plan.planId, title, AUGUST_2023.from(), AUGUST_2023.to(), AUGUST_2023.asOf(),
                ReportStatus.DRAFT, "strateg " + payload, OffsetDateTime.parse("2023-09-01T08:00:00Z"), null, null, freeText, freeText,
                sections, 1);
    }

    static final Set<String> TEXTS = Set.of("title", "text", "obstacles", "nextSteps", "outcome", "form", "reason", "passage", "parties");

    private static void append(JsonNode node, String payload) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (TEXTS.contains(f.getKey()) && f.getValue().isTextual()) {
                    f.setValue(TextNode.valueOf(f.getValue().asText() + " " + payload));
                } else if ("parties".equals(f.getKey()) && f.getValue() instanceof ArrayNode a) {
                    for (int i = 0; i < a.size(); i++) {
                        a.set(i, TextNode.valueOf(a.get(i).asText() + " " + payload));
                    }
                } else {
                    append(f.getValue(), payload);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> append(n, payload));
        }
    }

    @Test
    void markdownKeepsUserTextTextNeverHtmlNorALink() {
        String inline = String.join(" ", INLINE);
        String block = String.join("\n", BLOCK_LINES) + "\n\n" + inline;
        ReportView r = report("Rubrik " + inline, block, inline);
        String md = markdown.render(r);
        Node doc = Parser.builder().build().parse(md);
        List<String> found = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock n) {
                found.add("html block " + n.getLiteral());
            }

            @Override
            public void visit(HtmlInline n) {
                found.add("inline html " + n.getLiteral());
            }

            @Override
            public void visit(Link n) {
                found.add("link " + n.getDestination());
            }

            @Override
            public void visit(Image n) {
                found.add("image " + n.getDestination());
            }
        });
        assertEquals(List.of(), found, "no HTML and no link comes from user text");
        String rendered = HtmlRenderer.builder().build().render(doc);
        assertFalse(rendered.contains("<script"), rendered);
        assertFalse(rendered.contains("href=\""), rendered);
        assertFalse(rendered.contains("<img"), rendered);
        String text = TextContentRenderer.builder().build().render(doc);
        assertTrue(text.contains("Rubrik " + inline), "the title reads as written: " + text);
        assertTrue(text.contains("Uppföljning " + inline), "an update's text reads as written");
        for (String line : BLOCK_LINES) {
            assertTrue(text.contains(line.strip()), "the free text's line reads as written: " + line);
        }
        // one heading per section and the report's own: no user line became a heading
        List<String> headings = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Heading n) {
                headings.add(TextContentRenderer.builder().build().render(n));
            }
        });
        assertTrue(headings.stream().noneMatch(h -> h.equals("Rubrik")), headings.toString());
    }

    @Test
    void htmlEscapesEveryUserTextAndAttribute() throws Exception {
        String inline = String.join(" ", INLINE) + " \" ' onload=\"alert(1)";
        String block = String.join("\n", BLOCK_LINES);
        ReportView r = report("Rubrik " + inline, block, inline);
        String page = html.render(r);
        Document doc = parse(page);
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertFalse(Set.of("script", "img", "a", "iframe", "object", "embed", "div").contains(e.getLocalName()),
                    "no element from user text: " + e.getLocalName());
            NamedNodeMap attributes = e.getAttributes();
            for (int k = 0; k < attributes.getLength(); k++) {
                String name = attributes.item(k).getNodeName();
                String value = attributes.item(k).getNodeValue();
                assertFalse(name.startsWith("on") || name.contains("href") || name.equals("src") || name.equals("action"),
                        "no link and no handler from user text: " + name + "=" + value);
            }
        }
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Rubrik " + inline), "the title reads as written");
        assertTrue(text.contains("Uppföljning " + inline), "an update's text reads as written");
        assertEquals("Rubrik " + inline, doc.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void charactersNoFormatCanHoldBecomeAReplacementInTheRenderingOnly() throws Exception {
        String bad = "a\u0000b\u0001c\u001Bd\u007Fe\u0085f\uFFFFg\uFFFEh\uFDD0i\uD800j\uDC00k\uD83F\uDFFFl";
        String good = "Tabb\tå ä ö 😀 مرحبا e\u0301";
        ReportView r = report("Rubrik " + bad + " " + good, bad + "\n\n" + good, bad);
        String expected = "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi\uFFFDj\uFFFDk\uFFFDl";
        String page = html.render(r);
        Document doc = parse(page);
        assertEquals("Rubrik " + expected + " " + good, doc.getElementsByTagName("h1").item(0).getTextContent());
        String md = markdown.render(r);
        assertTrue(md.startsWith("# Rubrik " + expected + " " + good + "\n"), md.substring(0, 200));
        assertTrue(md.contains(expected + "\n\n" + good), "the free text's paragraphs");
        assertTrue(md.contains("Uppföljning " + expected), "an update's text");
        byte[] pdf = new ReportPdf().render(page);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Rubrik"), text);
            assertTrue(text.contains("å ä ö"), text);
        }
        assertEquals("Rubrik " + bad + " " + good, r.title(), "the report itself is not changed");
    }

    @Test
    void runsOfWhiteSpaceOfAnyLengthRender() {
        String spaces = " ".repeat(200_000);
        String mixed = " \t".repeat(50_000) + "\n" + " \r\n".repeat(30_000) + "\t".repeat(10_000);
        ReportView r = report("A" + spaces + "B" + mixed + "C", "D" + spaces + "E" + mixed + "F", spaces + "G" + mixed + "H", false);
        String md = markdown.render(r);
        assertTrue(md.startsWith("# A" + spaces + "B C\n"), "a run without a line break is kept, one with breaks is one space");
        assertTrue(md.contains("\nD" + spaces + "E\n\nF\n"), "the free text: one paragraph break, the line's own spaces kept");
        assertTrue(md.contains("Uppföljning " + spaces + "G H"), "an update's text on one line");
        String page = html.render(r);
        assertTrue(page.contains("<h1>A" + spaces + "B" + mixed + "C</h1>"), "HTML's own white space rule shows it as one space");
        assertTrue(page.contains("<p>D" + spaces + "E</p><p>F</p>"));
    }

    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }
}
