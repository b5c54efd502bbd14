package se.region.governance.docs.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static se.region.governance.docs.api.Docs.create;
import static se.region.governance.docs.api.Docs.createSimple;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

@QuarkusTest
class DocumentApiTest {

    @Test
    void createAnswers201WithLocationEtagAndEveryField() {
        String dnr = diary();
        String base = createSimple("Riktlinjer för politiska styrdokument");
        String location = registrar().body("""
                {"diaryNumber":"%s","title":"Styrmodell för Region Jämtland Härjedalen","type":"GOVERNANCE_MODEL",
                 "political":true,"ownerUnit":"Regionledningsförvaltningen","responsible":"Karin Strateg",
                 "summary":"Styrningen bygger på tillit","decision":{"body":"REGIONFULLMAKTIGE","date":"2023-06-21","paragraph":"§ 72"},
                 "principles":[{"principle":"TRUST","passage":"tillit till organisationens medarbetare"}],
                 "reviewDue":"2027-06-30","fileUrl":"https://diarium.example/RS342-2022.pdf",
                 "relations":[{"kind":"BASED_ON","documentId":"%s"}]}""".formatted(dnr, base))
                .post("/api/v1/documents").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("currentVersion", equalTo(0))
                .extract().header("Location");
        reader().get(location).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("diaryNumber", equalTo(dnr))
                .body("political", equalTo(true))
                .body("decision.body", equalTo("REGIONFULLMAKTIGE"))
                .body("decision.paragraph", equalTo("§ 72"))
                .body("principles[0].principle", equalTo("TRUST"))
                .body("relations[0].kind", equalTo("BASED_ON"))
                .body("relations[0].documentId", equalTo(base))
                .body("reviewDue", equalTo("2027-06-30"))
                .body("createdAt", notNullValue());
    }

    @Test
    void updatesNeedIfMatch() {
        String id = createSimple("Personalpolitisk policy");
        String body = "{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Personalpolitisk policy 2024\",\"type\":\"POLICY\"}";
        registrar().body(body).put("/api/v1/documents/{id}", id).then().statusCode(428)
                .contentType("application/problem+json").body("type", endsWith("/precondition-required"));
        registrar().header("If-Match", "\"99\"").body(body).put("/api/v1/documents/{id}", id).then().statusCode(412)
                .contentType("application/problem+json").body("currentETag", equalTo(etag(id)));
        String before = etag(id);
        String after = registrar().header("If-Match", before).body(body).put("/api/v1/documents/{id}", id)
                .then().statusCode(200).body("title", equalTo("Personalpolitisk policy 2024")).extract().header("ETag");
        assertNotEquals(before, after);
        // the old ETag is stale now
        registrar().header("If-Match", before).body(body).put("/api/v1/documents/{id}", id).then().statusCode(412);
    }

    @Test
    void patchChangesOnlyWhatIsSent() {
        String id = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Regionplan 2024\",\"type\":\"PLAN\","
                + "\"ownerUnit\":\"Regionledningsförvaltningen\"}");
        registrar().contentType("application/merge-patch+json").header("If-Match", etag(id))
                .body("{\"summary\":\"Under framtagande\"}").patch("/api/v1/documents/{id}", id)
                .then().statusCode(200)
                .body("summary", equalTo("Under framtagande"))
                .body("title", equalTo("Regionplan 2024"))
                .body("ownerUnit", equalTo("Regionledningsförvaltningen"));
        registrar().body("{\"title\":\"\"}").header("If-Match", etag(id)).patch("/api/v1/documents/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("title"));
    }

    @Test
    void duplicateDiaryNumberOnUpdateIs409() {
        String taken = diary();
        create("{\"diaryNumber\":\"" + taken + "\",\"title\":\"A\",\"type\":\"POLICY\"}");
        String id = createSimple("B");
        registrar().header("If-Match", etag(id)).body("{\"diaryNumber\":\"" + taken + "\"}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(409)
                .body("type", endsWith("/duplicate-diary-number"));
    }

    @Test
    void unknownRelatedDocumentIs422() {
        registrar().body("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"X\",\"type\":\"POLICY\","
                        + "\"relations\":[{\"kind\":\"REPLACES\",\"documentId\":\"" + UUID.randomUUID() + "\"}]}")
                .post("/api/v1/documents").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void committeeDecisionMustNameTheCommittee() {
        registrar().body("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"X\",\"type\":\"RULE\","
                        + "\"decision\":{\"body\":\"COMMITTEE\",\"date\":\"2023-01-01\"}}")
                .post("/api/v1/documents").then().statusCode(400).body("errors.field", hasItem("decision.committeeNamed"));
    }

    @Test
    void historyRecordsWhoWhenAndWhat() {
        String id = createSimple("Delegationsordning");
        registrar().header("If-Match", etag(id)).body("{\"title\":\"Regionstyrelsens delegationsordning\"}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200);
        reader().get("/api/v1/documents/{id}/history", id).then().statusCode(200)
                .body("items.sub", everyItem(equalTo("anna.registrator")))
                .body("items.name", everyItem(equalTo("Test anna.registrator")))
                .body("items.find { it.action == 'updated' && it.field == 'title' }.oldValue", equalTo("Delegationsordning"))
                .body("items.find { it.action == 'updated' && it.field == 'title' }.newValue",
                        equalTo("Regionstyrelsens delegationsordning"))
                .body("items.find { it.action == 'created' && it.field == 'title' }.at", notNullValue());
    }

    @Test
    void listIsPagedFilteredAndSorted() {
        String unit = "Enhet-" + UUID.randomUUID();
        for (String title : new String[]{"Öppenhetspolicy", "Zonplan", "Åtgärdsprogram", "Arbetsmiljöpolicy", "Ärendehandbok"}) {
            create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"" + title + "\",\"type\":\"POLICY\",\"ownerUnit\":\"" + unit + "\"}");
        }
        reader().queryParam("ownerUnit", unit).queryParam("size", 2).queryParam("page", 1).queryParam("sort", "title,asc")
                .get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].title", equalTo("Åtgärdsprogram"))
                .body("items[1].title", equalTo("Ärendehandbok"));
        var titles = reader().queryParam("ownerUnit", unit).queryParam("sort", "title")
                .get("/api/v1/documents").then().extract().jsonPath().getList("items.title");
        assertEquals(java.util.List.of("Arbetsmiljöpolicy", "Zonplan", "Åtgärdsprogram", "Ärendehandbok", "Öppenhetspolicy"),
                titles, "Swedish order: å, ä, ö after z");
        reader().queryParam("ownerUnit", unit).queryParam("sort", "nonsense").get("/api/v1/documents")
                .then().statusCode(400).body("type", endsWith("/invalid-sort"));
        reader().queryParam("size", 0).get("/api/v1/documents").then().statusCode(400);
        reader().queryParam("type", "MEMO").get("/api/v1/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void filtersByTypeStatusPrincipleDiaryNumberAndReviewDue() {
        String unit = "Filter-" + UUID.randomUUID();
        String dnr = diary();
        create("{\"diaryNumber\":\"" + dnr + "\",\"title\":\"Med tillit\",\"type\":\"STRATEGY\",\"ownerUnit\":\"" + unit
                + "\",\"reviewDue\":\"2025-01-01\",\"principles\":[{\"principle\":\"OPENNESS\",\"passage\":\"öppet\"}]}");
        create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Utan\",\"type\":\"PLAN\",\"ownerUnit\":\"" + unit
                + "\",\"reviewDue\":\"2030-01-01\"}");
        reader().queryParam("ownerUnit", unit).queryParam("type", "STRATEGY").get("/api/v1/documents")
                .then().body("total", equalTo(1)).body("items[0].diaryNumber", equalTo(dnr));
        reader().queryParam("ownerUnit", unit).queryParam("principle", "OPENNESS").get("/api/v1/documents")
                .then().body("total", equalTo(1));
        reader().queryParam("ownerUnit", unit).queryParam("reviewDueBefore", "2026-01-01").get("/api/v1/documents")
                .then().body("total", equalTo(1));
        reader().queryParam("diaryNumber", dnr.toLowerCase()).get("/api/v1/documents")
                .then().body("total", equalTo(1));
        reader().queryParam("ownerUnit", unit).queryParam("status", "ADOPTED").get("/api/v1/documents")
                .then().body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void swedishFullTextSearchFindsInflectedForms() {
        String unit = "Sök-" + UUID.randomUUID();
        create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Personalpolitisk policy\",\"type\":\"POLICY\",\"ownerUnit\":\""
                + unit + "\",\"summary\":\"Om arbetsgivarens värderingar\"}");
        create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Riktlinjer för styrdokument\",\"type\":\"GUIDELINE\",\"ownerUnit\":\""
                + unit + "\",\"principles\":[{\"principle\":\"DISCRETION\",\"passage\":\"medarbetarnas handlingsutrymme ska öka\"}]}");
        reader().queryParam("ownerUnit", unit).queryParam("q", "policyn").get("/api/v1/documents")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].title", equalTo("Personalpolitisk policy"));
        reader().queryParam("ownerUnit", unit).queryParam("q", "styrdokumenten").get("/api/v1/documents")
                .then().body("total", equalTo(1)).body("items[0].type", equalTo("GUIDELINE"));
        reader().queryParam("ownerUnit", unit).queryParam("q", "handlingsutrymmet").get("/api/v1/documents")
                .then().body("total", equalTo(1));
        reader().queryParam("ownerUnit", unit).queryParam("q", "värderingarna").get("/api/v1/documents")
                .then().body("total", equalTo(1));
        reader().queryParam("ownerUnit", unit).queryParam("q", "budget").get("/api/v1/documents")
                .then().body("total", equalTo(0));
    }

    @Test
    void textSearchPagesItsRankedMatchesWithTheirTotal() {
        String unit = "Rank-" + UUID.randomUUID();
        String most = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Tillit i vården\",\"type\":\"POLICY\",\"ownerUnit\":\""
                + unit + "\",\"summary\":\"Tillit och åter tillit\"}");
        java.util.Set<String> matching = new java.util.HashSet<>(java.util.Set.of(most));
        for (String title : new String[]{"Öppen tillit", "Zonens tillitsmodell", "Ärlig tillit", "Arbetets tillit"}) {
            matching.add(create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"" + title + "\",\"type\":\"POLICY\",\"ownerUnit\":\""
                    + unit + "\"}"));
        }
        create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Budget\",\"type\":\"POLICY\",\"ownerUnit\":\"" + unit + "\"}");
        create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Tillit för planer\",\"type\":\"PLAN\",\"ownerUnit\":\"" + unit + "\"}");

        // by relevance (the default with q): the document that says it most comes first; pages of 2 cover every
        // match once (ties in rank are broken by id), each page with the total, also the page past the last
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            var body = reader().queryParam("ownerUnit", unit).queryParam("type", "POLICY").queryParam("q", "tillit")
                    .queryParam("size", 2).queryParam("page", page).get("/api/v1/documents").then().statusCode(200)
                    .body("total", equalTo(5)).body("page", equalTo(page)).body("size", equalTo(2))
                    .body("items", hasSize(page < 2 ? 2 : 1)).extract().jsonPath();
            seen.addAll(body.getList("items.id"));
        }
        assertEquals(most, seen.get(0), "ranked first");
        assertEquals(matching, new java.util.HashSet<>(seen), "every match once");
        assertEquals(5, seen.size(), "no match twice");
        reader().queryParam("ownerUnit", unit).queryParam("type", "POLICY").queryParam("q", "tillit").queryParam("size", 2)
                .queryParam("page", 7).get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(5)).body("items", hasSize(0));
        reader().queryParam("ownerUnit", unit).queryParam("q", "kvalitet").get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));

        // a prefix: "tilli" finds every form; with the PLAN the filter left out, six matches
        reader().queryParam("ownerUnit", unit).queryParam("q", "tilli").get("/api/v1/documents").then()
                .body("total", equalTo(6));
        // by title with q: Swedish order (å, ä, ö after z), paged with the total
        reader().queryParam("ownerUnit", unit).queryParam("type", "POLICY").queryParam("q", "tillit").queryParam("sort", "title")
                .queryParam("size", 4).get("/api/v1/documents").then().statusCode(200).body("total", equalTo(5))
                .body("items.title", equalTo(java.util.List.of("Arbetets tillit", "Tillit i vården", "Zonens tillitsmodell", "Ärlig tillit")));
        reader().queryParam("ownerUnit", unit).queryParam("type", "POLICY").queryParam("q", "tillit").queryParam("sort", "title,desc")
                .queryParam("size", 1).get("/api/v1/documents").then().body("total", equalTo(5))
                .body("items[0].title", equalTo("Öppen tillit"));
        // without q, past the last page: the total still comes
        reader().queryParam("ownerUnit", unit).queryParam("size", 5).queryParam("page", 3).get("/api/v1/documents").then()
                .statusCode(200).body("total", equalTo(7)).body("items", hasSize(0));
    }

    @Test
    void csvExportHasTheColumnsAndRows() {
        String unit = "Csv-" + UUID.randomUUID();
        String dnr = diary();
        create("{\"diaryNumber\":\"" + dnr + "\",\"title\":\"Policy, med komma och \\\"citat\\\"\",\"type\":\"POLICY\",\"ownerUnit\":\""
                + unit + "\",\"principles\":[{\"principle\":\"TRUST\"},{\"principle\":\"SUPPORT\"}]}");
        String csv = reader().accept("text/csv").queryParam("ownerUnit", unit).get("/api/v1/documents")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r?\n");
        assertEquals(2, lines.length);
        assertEquals(String.join(",", DocumentCsv.COLUMNS), lines[0]);
        org.hamcrest.MatcherAssert.assertThat(lines[1], containsString(dnr));
        org.hamcrest.MatcherAssert.assertThat(lines[1], containsString("\"Policy, med komma och \"\"citat\"\"\""));
        org.hamcrest.MatcherAssert.assertThat(lines[1], containsString("TRUST;SUPPORT"));
    }

    @Test
    void csvImportStoresAllRowsOrNone() {
        String unit = "Import-" + UUID.randomUUID();
        String good1 = diary();
        String good2 = diary();
        String taken = diary();
        create("{\"diaryNumber\":\"" + taken + "\",\"title\":\"Finns\",\"type\":\"POLICY\"}");
        String bad = "diaryNumber,title,type,ownerUnit,decisionDate,principles\n"
                + good1 + ",Riktlinje ett,GUIDELINE," + unit + ",,TRUST\n"
                + "x,Kort nummer,POLICY," + unit + ",,\n"
                + good2 + ",,MEMO," + unit + ",inte-ett-datum,TRUST;NOPE\n"
                + taken + ",Dubblett,POLICY," + unit + ",,\n";
        registrar().contentType("text/csv").body(bad).post("/api/v1/documents/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-import"))
                .body("errors.find { it.row == 3 }.field", equalTo("diaryNumber"))
                .body("errors.findAll { it.row == 4 }.field", hasItem("type"))
                .body("errors.findAll { it.row == 4 }.field", hasItem("decisionDate"))
                .body("errors.findAll { it.row == 4 }.field", hasItem("principles"))
                .body("errors.findAll { it.row == 4 }.field", hasItem("title"))
                .body("errors.find { it.row == 5 }.message", containsString("already registered"))
                .body("errors.row", not(hasItem(2)));
        reader().queryParam("ownerUnit", unit).get("/api/v1/documents").then().body("total", equalTo(0));

        String good = "diaryNumber,title,type,ownerUnit,principles,political\n"
                + good1 + ",Riktlinje ett,GUIDELINE," + unit + ",TRUST,true\n"
                + good2 + ",Riktlinje två,GUIDELINE," + unit + ",,false\n";
        registrar().contentType("text/csv").body(good).post("/api/v1/documents/import").then().statusCode(201)
                .body("total", equalTo(2));
        reader().queryParam("ownerUnit", unit).get("/api/v1/documents").then().body("total", equalTo(2));
    }
}
