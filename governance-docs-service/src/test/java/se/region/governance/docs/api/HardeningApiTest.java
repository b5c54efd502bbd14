package se.region.governance.docs.api;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.docs.api.Docs.create;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

/** Issue 14: the CSV export's formula neutralising, the decision after adoption, query parameters, text as sent. */
@QuarkusTest
class HardeningApiTest {

    static final List<String> DANGEROUS = List.of("=", "+", "-", "@", "\t", "\r", "'=", "''+");

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\r", "\\r") + "\"";
    }

    @Test
    void csvExportNeutralisesFormulasAndImportGivesTheTextBack() throws IOException {
        String unit = "Csv-" + UUID.randomUUID();
        List<String> titles = new ArrayList<>();
        for (String start : DANGEROUS) {
            String title = start + "SUM(A1:A9) " + UUID.randomUUID();
            titles.add(title);
            String id = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":" + json(title) + ",\"type\":\"POLICY\","
                    + "\"ownerUnit\":\"" + unit + "\",\"summary\":" + json(start + "cmd|' /C calc'!A0") + ","
                    + "\"responsible\":" + json(start + "HYPERLINK(\"http://evil\")") + "}");
            // the stored text stays as entered
            reader().get("/api/v1/documents/{id}", id).then().statusCode(200).body("title", equalTo(title));
        }
        String csv = reader().accept("text/csv").queryParam("ownerUnit", unit).queryParam("sort", "createdAt")
                .get("/api/v1/documents").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<Map<String, String>> rows = parse(csv);
        assertEquals(DANGEROUS.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String start = DANGEROUS.get(i);
            Map<String, String> row = rows.get(i);
            // OWASP: a leading ' and a quoted cell
            assertEquals("'" + titles.get(i), row.get("title"));
            assertEquals("'" + start + "cmd|' /C calc'!A0", row.get("summary"));
            assertEquals("'" + start + "HYPERLINK(\"http://evil\")", row.get("responsible"));
            assertTrue(csv.contains("\"'" + titles.get(i) + "\""), "quoted: " + titles.get(i));
            for (String cell : row.values()) {
                assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, "no cell starts a formula: " + cell);
            }
        }
        // the export imports to the same text (new diary numbers: they are unique)
        String again = csv;
        for (Map<String, String> row : rows) {
            again = again.replace(row.get("diaryNumber"), diary());
        }
        List<String> imported = registrar().contentType("text/csv; charset=UTF-8").body(again).post("/api/v1/documents/import")
                .then().statusCode(201).extract().path("items.title");
        assertEquals(titles, imported);
    }

    @Test
    void csvImportRefusesUnstorableTextByRowAndColumn() {
        registrar().contentType("text/csv; charset=UTF-8").body("diaryNumber,title,type,summary\n" + diary() + ",Ren,POLICY,ok\n"
                        + diary() + ",Med\u0000NUL,POLICY,\uFFFF\n")
                .post("/api/v1/documents/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors.row", org.hamcrest.Matchers.everyItem(equalTo(3)))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("title", "summary"));
    }

    @Test
    void unitNeutralisingIsItsOwnInverse() {
        for (String s : List.of("=1", "+1", "-1", "@a", "\tx", "\rx", "'=1", "''=1", "'a", "''", "'", "a=1", "", "x'")) {
            String exported = DocumentCsv.neutralise(s);
            assertEquals(s, DocumentCsv.restore(exported), s);
            assertTrue(exported.isEmpty() || "=+-@\t\r".indexOf(exported.charAt(0)) < 0, exported);
        }
        assertEquals("'=1", DocumentCsv.neutralise("=1"));
        assertEquals("a=1", DocumentCsv.neutralise("a=1"));
        assertEquals("'a", DocumentCsv.neutralise("'a"));
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void anAdoptedOrRepealedDocumentsDecisionChangesOnlyByAdoption() {
        String id = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Beslutsprov\",\"type\":\"POLICY\"}");
        String decision = "{\"body\":\"REGIONSTYRELSEN\",\"date\":\"2023-06-21\",\"paragraph\":\"§ 72\"}";
        registrar().body("{\"decision\":" + decision + "}").post("/api/v1/documents/{id}/adoptions", id)
                .then().statusCode(201);
        String other = "{\"body\":\"REGIONFULLMAKTIGE\",\"date\":\"2020-01-01\",\"paragraph\":\"§ 1\"}";
        String dnr = reader().get("/api/v1/documents/{id}", id).then().extract().path("diaryNumber");
        String put = "{\"diaryNumber\":\"" + dnr + "\",\"title\":\"Beslutsprov\",\"type\":\"POLICY\",\"decision\":%s}";

        decisionRefused(registrar().header("If-Match", etag(id)).body(put.formatted(other))
                .put("/api/v1/documents/{id}", id).then());
        // PUT without the decision would clear it
        decisionRefused(registrar().header("If-Match", etag(id))
                .body("{\"diaryNumber\":\"" + dnr + "\",\"title\":\"Beslutsprov\",\"type\":\"POLICY\"}")
                .put("/api/v1/documents/{id}", id).then());
        decisionRefused(registrar().header("If-Match", etag(id)).body("{\"decision\":" + other + "}")
                .patch("/api/v1/documents/{id}", id).then());
        // the same decision, or none in a PATCH, is fine
        registrar().header("If-Match", etag(id)).body(put.formatted(decision)).put("/api/v1/documents/{id}", id)
                .then().statusCode(200).body("decision.paragraph", equalTo("§ 72"));
        registrar().header("If-Match", etag(id)).body("{\"summary\":\"Gäller\"}").patch("/api/v1/documents/{id}", id)
                .then().statusCode(200).body("decision.date", equalTo("2023-06-21"));

        registrar().body("{\"reason\":\"Upphävd\"}").post("/api/v1/documents/{id}/repeal", id).then().statusCode(200);
        decisionRefused(registrar().header("If-Match", etag(id)).body("{\"decision\":" + other + "}")
                .patch("/api/v1/documents/{id}", id).then());
        reader().get("/api/v1/documents/{id}", id).then().body("decision.body", equalTo("REGIONSTYRELSEN"));
    }

    private static void decisionRefused(ValidatableResponse r) {
        r.statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/decision-set-by-adoption"))
                .body("field", equalTo("decision"))
                .body("errors[0].field", equalTo("decision"));
    }

    @Test
    void aDraftsDecisionIsStillEditable() {
        String id = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Utkast\",\"type\":\"POLICY\"}");
        registrar().header("If-Match", etag(id))
                .body("{\"decision\":{\"body\":\"DEPARTMENT\",\"date\":\"2023-01-02\"}}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200).body("decision.body", equalTo("DEPARTMENT"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiterString = "|", value = {
            "sort|,,,", "sort|''", "sort|title,sideways", "sort|nonsense", "reviewDueBefore|''", "reviewDueBefore|2024-13-01",
            "type|''", "type|MEMO", "status|''", "principle|X", "page|''", "page|abc", "page|-1", "size|0",
            "size|99999999999", "size|201"})
    void listParametersAreRefusedByName(String name, String value) {
        reader().queryParam(name, value).get("/api/v1/documents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(name));
    }

    @ParameterizedTest
    @CsvSource(value = {"P999999999Y", "P8000Y", "P-1D", "''", "x", "P2147483647M", "P-409159267W", "P409159267W"})
    void dueForReviewRefusesAWindowOutOfRange(String within) {
        reader().queryParam("within", within).get("/api/v1/documents/due-for-review").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-period"))
                .body("errors[0].field", equalTo("within"));
    }

    @Test
    void historyParametersAreRefusedByName() {
        String id = Docs.createSimple("Historik");
        reader().queryParam("size", "x").get("/api/v1/documents/{id}/history", id).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void textIsKeptAsSentAndIdentifiersRefuseWhitespace() {
        String dnr = diary();
        String id = create("{\"diaryNumber\":\"" + dnr + "\",\"title\":\"  Policy med mellanslag \",\"type\":\"POLICY\","
                + "\"ownerUnit\":\" Enhet \",\"summary\":\"\\tIndraget\\n\"}");
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("title", equalTo("  Policy med mellanslag "))
                .body("ownerUnit", equalTo(" Enhet "))
                .body("summary", equalTo("\tIndraget\n"));
        for (String bad : List.of(" " + diary(), diary() + " ", diary() + "\t")) {
            registrar().body("{\"diaryNumber\":" + json(bad) + ",\"title\":\"T\",\"type\":\"POLICY\"}")
                    .post("/api/v1/documents").then().statusCode(400).body("errors[0].field", equalTo("diaryNumber"));
        }
        registrar().body("{\"diaryNumber\":\"" + diary() + "\",\"title\":\" \\u00A0\\u3000 \",\"type\":\"POLICY\"}")
                .post("/api/v1/documents").then().statusCode(400).body("errors[0].field", equalTo("title"));
        registrar().body("{\"diaryNumber\":\"RS/Åöé-Ü/2024-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"title\":\"Svenska bokstäver\",\"type\":\"POLICY\"}").post("/api/v1/documents")
                .then().statusCode(201);
        String cid = registrar().body("{\"recipients\":[\" Vision \"],\"deadline\":\"2023-11-30\"}")
                .post("/api/v1/documents/{id}/consultations", id).then().statusCode(201)
                .body("recipients[0]", equalTo(" Vision ")).extract().path("id");
        registrar().body("{\"respondent\":\" Vision \",\"receivedOn\":\"2023-11-20\",\"position\":\"SUPPORTS\"}")
                .post("/api/v1/documents/{id}/consultations/{cid}/responses", id, cid).then().statusCode(201)
                .body("respondent", equalTo(" Vision "));
    }
}
