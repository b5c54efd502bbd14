package se.region.governance.reports.rendering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
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
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readable formats (Markdown, HTML, PDF) summarise a large report beyond {@link ReadableLimits} and say so, naming
 * the JSON version; the JSON keeps everything; a report the size of § 183 reads in full.
 */
@QuarkusTest
class ReadableFormatsTest {

    static final ReportPeriod AUGUST_2023 = new ReportPeriod(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-08-31"),
            LocalDate.parse("2023-08-31"));
    static final String SUMMARISED = "Sammanfattad version.";

    final Section183 plan = new Section183();
    @Inject
    ReportMarkdown markdown;
    @Inject
    ReportHtml html;
    @Inject
    ObjectMapper JSON;

    /** The August 2023 report of § 183, with {@code extra} more updates of measure 3 in the period (one a month from January). */
    ReportView report(int extra) {
        List<Section183.Event> events = new ArrayList<>(plan.all());
        for (int i = 0; i < extra; i++) {
            events.add(plan.lateUpdate("2023-0" + (i + 1) + "-15", "Extra uppföljning nummer " + i + "."));
        }
        AsOfState state = AsOfState.rebuild(plan.planId, AUGUST_2023.asOf(), new InMemoryLog().appendAll(events).events());
        ReportSections sections = new ReportCompiler().compile(state, AUGUST_2023);
        return new ReportView(UUID.randomUUID(), plan.planId, "Uppföljning augusti 2023", AUGUST_2023.from(), AUGUST_2023.to(),
                AUGUST_2023.asOf(), ReportStatus.DRAFT, "strateg", OffsetDateTime.parse("2023-09-01T08:00:00Z"), null, null, null,
                null, sections, 1);
    }

    String json(ReportView r) throws Exception {
        return JSON.writeValueAsString(r);
    }

    @Test
    void aReportTheSizeOfSection183ReadsInFull() {
        ReportView r = report(0);
        String md = markdown.render(r);
        String page = html.render(r);
        for (String text : List.of("Chefsutbildning i utvecklande ledarskap (UL) kunde inte genomföras", "”chefens meny” i Heroma",
                "Samverkan 2023-04-20 (samverkansmöte) med Vision, Kommunal", "Personalpolitisk policy", "Regionplan 2024")) {
            assertTrue(md.contains(text), text);
            assertTrue(page.contains(text), text);
        }
        for (String format : List.of(md, page)) {
            assertFalse(format.contains(SUMMARISED), "nothing left out, no note");
            assertFalse(format.contains("tidigare uppföljning"));
            assertFalse(format.contains(" till ("), "no list cut short");
        }
        assertTrue(md.contains("| Nr | Åtgärd | Status | Framsteg | Klart senast |"), "the status table of a small plan");
    }

    @Test
    void aMeasureWithMoreUpdatesThanTheLimitShowsTheLatestAndCountsTheEarlier() throws Exception {
        ReportView r = report(8);
        assertEquals(5, ReadableLimits.DEFAULT.updatesPerMeasure());
        String md = markdown.render(r);
        String page = html.render(r);
        for (String format : List.of(md, page)) {
            for (int i = 3; i < 8; i++) {
                assertTrue(format.contains("Extra uppföljning nummer " + i + "."), "latest five: " + i);
            }
            for (int i = 0; i < 3; i++) {
                assertFalse(format.contains("Extra uppföljning nummer " + i + "."), "earlier, counted: " + i);
            }
            assertTrue(format.contains("… och 3 tidigare uppföljningar under perioden (alla finns i rapportens JSON-version)."));
            assertTrue(format.contains(SUMMARISED), "the report says it is summarised");
            assertTrue(format.contains("/api/v1/reports/" + r.id() + " (Accept: application/json)"), "and where the full data is");
            assertTrue(format.contains("Chefsutbildning i utvecklande ledarskap (UL)"), "other measures in full");
        }
        String json = json(r);
        for (int i = 0; i < 8; i++) {
            assertTrue(json.contains("Extra uppföljning nummer " + i + "."), "the JSON has every update: " + i);
        }
        JsonNode measure3 = find(JSON.readTree(json).path("sections"), plan.measureIds[2]);
        assertEquals(8, measure3.path("updates").size());
        assertTrue(measure3.path("updates").get(0).path("provenance").get(0).has("eventId"), "with provenance");
        wellFormed(page);
    }

    @Test
    void aPlanWithMoreMeasuresThanTheListLimitGetsOneLineEachAndShortLists() throws Exception {
        ReportView r = report(8);
        ReadableLimits two = new ReadableLimits(2, 1);
        String md = markdown.render(r, two);
        String page = html.render(r, two);
        for (String format : List.of(md, page)) {
            assertTrue(format.contains(SUMMARISED));
            assertTrue(format.contains("högst 2 poster per lista och för varje åtgärd den senaste uppföljningen"), "says the limits");
            assertTrue(format.contains("Åtgärdernas status och senaste uppföljning under perioden"));
            // measure 3: its latest update, the seven earlier counted; measure 1: its collaboration counted
            assertTrue(format.contains("Åtgärd 3: Öka stödet till chefer vid rekrytering"));
            assertTrue(format.contains("pågår, 10 %, klar senast 2023-12-31, ansvarig HR-avdelningen. Senaste uppföljning 2023-08-15: "
                    + "Extra uppföljning nummer 7. Därtill 7 tidigare uppföljningar under perioden."), format);
            assertTrue(format.contains("Samverkan: 1 tillfälle under perioden."));
            assertFalse(format.contains("Extra uppföljning nummer 6."));
            assertTrue(format.contains("… och 2 åtgärder till; alla redovisas under Åtgärder och uppföljning."), "background");
            assertTrue(format.contains("… och 2 åtgärder till som inte är avslutade"), "next steps");
        }
        assertFalse(md.contains("| Nr | Åtgärd | Status |"), "no status table beside the lines");
        assertEquals(1, md.split("- \\*\\*Åtgärd 3: ", -1).length - 1, "one line per measure");
        wellFormed(page);

        byte[] pdf = new ReportPdf().render(page);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Sammanfattad version"), text);
            assertTrue(text.contains("Därtill 7 tidigare uppföljningar under perioden"), text);
            assertTrue(doc.getDocumentCatalog().getMarkInfo() != null && doc.getDocumentCatalog().getMarkInfo().isMarked(), "tagged PDF");
            List<String> figures = new java.util.ArrayList<>();
            figureTexts(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), figures);
            assertEquals(2, figures.size(), "the two charts are figures: " + figures);
            assertTrue(figures.get(0).startsWith("Åtgärder per status. "), figures.get(0));
            assertTrue(figures.get(1).startsWith("Styrdokument och åtgärder per princip. "), figures.get(1));
        }
    }

    /** The alternative texts of the structure tree's figures, in document order. */
    private static void figureTexts(List<Object> kids, List<String> out) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType())) {
                    out.add(e.getAlternateDescription());
                }
                figureTexts(e.getKids(), out);
            }
        }
    }

    @Test
    void documentsAreListedPerCategoryUpToTheLimitAndCounted() {
        ReportView r = report(0);
        ReadableLimits one = new ReadableLimits(1, 5);
        // § 183 has one document in each category: nothing is cut at a limit of one
        assertFalse(markdown.render(r, one).contains("styrdokument till under"));
        ReportView twoAdopted = withSecondAdoptedDocument(r);
        for (String format : List.of(markdown.render(twoAdopted, one), html.render(twoAdopted, one))) {
            assertTrue(format.contains("… och 1 styrdokument till under ”Fastställda under perioden” (alla finns i rapportens JSON-version)."),
                    format);
            assertTrue(format.contains("Personalpolitisk policy"), "the other categories keep their document");
        }
    }

    /** The report with a copy of its adopted document (another title), so the category holds two. */
    private static ReportView withSecondAdoptedDocument(ReportView r) {
        ReportSections s = r.sections();
        List<ReportSections.DocumentItem> items = new ArrayList<>(s.documents().items());
        ReportSections.DocumentItem d = items.get(0);
        items.add(1, new ReportSections.DocumentItem(UUID.randomUUID().toString(), d.diaryNumber(), "Styrmodell, bilaga", d.type(),
                d.status(), d.statusLabel(), d.category(), d.categoryLabel(), d.decisionReference(), d.ownerUnit(), d.fileUrl(),
                d.reviewDue(), d.consultationDeadline(), d.recipients(), d.principles(), d.provenance()));
        ReportSections sections = new ReportSections(s.background(), new ReportSections.Documents(null, s.documents().title(),
                s.documents().body(), items), s.measures(), s.examples(), s.nextSteps(), s.principles());
        return new ReportView(r.id(), r.planId(), r.title(), r.periodFrom(), r.periodTo(), r.asOf(), r.status(), r.compiledBy(),
                r.compiledAt(), r.contentHash(), r.finalizedAt(), r.preface(), r.conclusion(), sections, r.version());
    }

    private static JsonNode find(JsonNode sections, String measureId) {
        for (JsonNode s : sections) {
            for (JsonNode i : s.path("items")) {
                if ("measures".equals(s.path("key").asText()) && measureId.equals(i.path("measureId").asText())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no measure " + measureId);
    }

    private static void wellFormed(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }
}
