package se.region.governance.reports.rendering;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.enterprise.context.ApplicationScoped;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * PDF made from the report's XHTML with openhtmltopdf: DejaVu Sans embedded (å, ä, ö and the rest of
 * Swedish; bundled in the jar so the build does not depend on the machine's fonts), and tagged PDF/UA
 * structure (headings, tables, lists, and each chart a figure whose alternative text is the chart's own SVG title and
 * description) so screen readers can read it. Fast mode; the fonts' bytes are read
 * from the jar once and each document embeds only the glyphs it uses (subset). Rendering time grows with the
 * pages: a large report reaches here summarised ({@link ReadableLimits}).
 */
@ApplicationScoped
public class ReportPdf {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withW3cDocument(withChartsDescribed(xhtml), "about:blank");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final String SVG = "http://www.w3.org/2000/svg";

    /**
     * The page as a DOM whose charts carry an {@code alt} text: PDF/UA gives a figure the {@code alt} of its element, and
     * an inline SVG (described for browsers by {@code role="img"}, its title and its description) has none.
     */
    static Document withChartsDescribed(String xhtml) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the report's XHTML does not parse", e);
        }
        NodeList charts = doc.getElementsByTagNameNS(SVG, "svg");
        for (int i = 0; i < charts.getLength(); i++) {
            Element chart = (Element) charts.item(i);
            String alt = Stream.of(childText(chart, "title"), childText(chart, "desc"))
                    .filter(t -> !t.isEmpty()).collect(Collectors.joining(". "));
            if (!chart.hasAttribute("alt") && !alt.isEmpty()) {
                chart.setAttribute("alt", alt);
            }
        }
        return doc;
    }

    private static String childText(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && SVG.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())) {
                return c.getTextContent().trim();
            }
        }
        return "";
    }

    private static byte[] font(String file) {
        try (InputStream in = ReportPdf.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the jar: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
